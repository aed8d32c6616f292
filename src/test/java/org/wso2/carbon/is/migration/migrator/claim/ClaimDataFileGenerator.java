package org.wso2.carbon.is.migration.migrator.claim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How the shipped claim data files were made: from the release facts {@code claims-<version>.json}. Run once with
 * {@code main} (working directory = the project) to write them; {@code ShippedClaimDataFilesTest} regenerates them in
 * memory and fails if the shipped files differ, so they cannot drift from the facts unnoticed.
 * <ul>
 *   <li>{@code 5.9.0/data/claims.yaml}: the full 5.9.0 set (a tenant without any claim dialect is seeded with all of
 *   it, as the server does), each claim with the rows the server stores (the facts' {@code mappedAttributes},
 *   {@code mappedLocalClaim}, {@code dbProperties}); the claims absent from 5.8.0 are marked {@code addedIn}.</li>
 *   <li>{@code 5.6.0/data/claims.yaml} and {@code 5.7.0/data/claims.yaml}: the same for those releases, against
 *   5.5.0 and 5.6.0 (5.7.0 ships 5.6.0's claim-config.xml unchanged, so its file marks nothing).</li>
 *   <li>{@code 5.8.0/data/claim-changes.yaml}: every claim-config.xml value that differs between 5.7.0 and 5.8.0
 *   (properties, mapped attributes, and AttributeID of external claims, which no row stores); and
 *   {@code 5.6.0/data/claim-changes.yaml} the same between 5.5.0 and 5.6.0, where four enterprise SCIM2 claims were
 *   mapped to other local claims (mappedLocalClaim).</li>
 * </ul>
 */
public final class ClaimDataFileGenerator {

    /** The claim-config.xml property holding an external claim's mapping. */
    private static final String MAPPED_LOCAL_CLAIM = "MappedLocalClaim";

    private ClaimDataFileGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Path resources = Path.of(args.length > 0 ? args[0] : "migration-resources");
        write(resources.resolve("5.6.0/data/claims.yaml"), claimsYaml("5.5.0", "5.6.0"));
        write(resources.resolve("5.7.0/data/claims.yaml"), claimsYaml("5.6.0", "5.7.0"));
        write(resources.resolve("5.9.0/data/claims.yaml"), claimsYaml("5.8.0", "5.9.0"));
        write(resources.resolve("5.6.0/data/claim-changes.yaml"), changesYaml("5.5.0", "5.6.0"));
        write(resources.resolve("5.8.0/data/claim-changes.yaml"), changesYaml("5.7.0", "5.8.0"));
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** The full claim set of {@code release}, the claims {@code previous} lacked marked {@code addedIn}. */
    public static String claimsYaml(String previous, String release) {
        ReleaseClaimFacts before = ReleaseClaimFacts.load(previous);
        ReleaseClaimFacts facts = ReleaseClaimFacts.load(release);
        StringBuilder out = new StringBuilder();
        out.append("# IS ").append(release).append(" default claims, as the rows the server writes for a tenant.\n")
                .append("# Generated from the release facts claims-").append(release).append(".json (claim-config.xml")
                .append(" of the release) by\n# src/test/java/org/wso2/carbon/is/migration/migrator/claim/")
                .append("ClaimDataFileGenerator.java; do not edit by hand.\n")
                .append("#\n")
                .append("# The FULL set: ClaimDataMigrator seeds a tenant that has no claim dialect at all with every")
                .append(" claim below\n# (as the server does on a tenant's first load) and gives every other tenant")
                .append(" only the claims marked\n# addedIn: \"").append(release).append("\" (new since ")
                .append(previous).append("), each only where the tenant does not have it.\n")
                .append("#\n")
                .append("# Per claim: one IDN_CLAIM row under its dialect's IDN_CLAIM_DIALECT row; a local claim has")
                .append(" one\n# IDN_CLAIM_MAPPED_ATTRIBUTE row per mappedAttributes entry, an external claim one")
                .append(" IDN_CLAIM_MAPPING row to\n# its mappedLocalClaim; one IDN_CLAIM_PROPERTY row per")
                .append(" properties entry, values as stored (an empty\n# <Required/>, <ReadOnly/> or")
                .append(" <SupportedByDefault/> is stored as \"true\"; duplicate claims: the last one wins).\n")
                .append("release: ").append(quote(release)).append('\n')
                .append("localDialect: ").append(quote(ReleaseClaimFacts.LOCAL_DIALECT)).append('\n')
                .append("dialects:\n");
        Set<String> dialects = new LinkedHashSet<>();
        facts.claims().forEach(c -> dialects.add(c.dialect()));
        for (String dialect : dialects) {
            out.append("  - dialect: ").append(quote(dialect)).append('\n').append("    claims:\n");
            for (ReleaseClaimFacts.Claim claim : facts.claims()) {
                if (!claim.dialect().equals(dialect)) {
                    continue;
                }
                out.append("      - claim: ").append(quote(claim.claim())).append('\n');
                if (before.find(dialect, claim.claim()) == null) {
                    out.append("        addedIn: ").append(quote(release)).append('\n');
                }
                if (claim.isLocal()) {
                    out.append("        mappedAttributes:\n");
                    for (MappedAttribute attribute : claim.mappedAttributes()) {
                        out.append("          - {domain: ").append(quote(attribute.domain())).append(", attribute: ")
                                .append(quote(attribute.attribute())).append("}\n");
                    }
                } else {
                    out.append("        mappedLocalClaim: ").append(quote(claim.mappedLocalClaim())).append('\n');
                }
                if (!claim.storedProperties().isEmpty()) {
                    out.append("        properties:\n");
                    for (Map.Entry<String, String> property : claim.storedProperties().entrySet()) {
                        out.append("          ").append(quote(property.getKey())).append(": ")
                                .append(quote(property.getValue())).append('\n');
                    }
                }
            }
        }
        return out.toString();
    }

    /** The claim-config.xml values {@code release} changed in claims {@code previous} already had. */
    public static String changesYaml(String previous, String release) {
        ReleaseClaimFacts before = ReleaseClaimFacts.load(previous);
        ReleaseClaimFacts after = ReleaseClaimFacts.load(release);
        List<String> entries = new ArrayList<>();
        Set<String> externalProperties = new LinkedHashSet<>();
        int remaps = 0;
        for (ReleaseClaimFacts.Claim claim : after.claims()) {
            ReleaseClaimFacts.Claim old = before.find(claim.dialect(), claim.claim());
            if (old == null) {
                continue;
            }
            if (claim.isLocal()) {
                for (MappedAttribute attribute : claim.mappedAttributes()) {
                    String oldAttribute = old.mappedAttributes().stream()
                            .filter(a -> a.domain().equals(attribute.domain())).map(MappedAttribute::attribute)
                            .findFirst().orElse(null);
                    if (oldAttribute != null && !oldAttribute.equals(attribute.attribute())) {
                        entries.add(change(claim, "mappedAttribute", attribute.domain(), oldAttribute,
                                attribute.attribute()));
                    }
                }
            } else {
                if (!Objects.equals(old.attributeId(), claim.attributeId())) {
                    entries.add(change(claim, "notStored", "AttributeID", old.attributeId(), claim.attributeId()));
                }
                if (!old.mappedLocalClaim().equals(claim.mappedLocalClaim())) {
                    entries.add(change(claim, "mappedLocalClaim", ReleaseClaimFacts.LOCAL_DIALECT,
                            old.mappedLocalClaim(), claim.mappedLocalClaim()));
                    remaps++;
                }
            }
            for (Map.Entry<String, String> property : claim.rawProperties().entrySet()) {
                String oldValue = old.rawProperties().get(property.getKey());
                // An external claim's MappedLocalClaim property is its mapping, listed above as mappedLocalClaim.
                if (oldValue != null && !oldValue.equals(property.getValue())
                        && !(!claim.isLocal() && property.getKey().equals(MAPPED_LOCAL_CLAIM))) {
                    entries.add(change(claim, "property", property.getKey(), oldValue, property.getValue()));
                    if (!claim.isLocal()) {
                        externalProperties.add(property.getKey());
                    }
                }
            }
        }
        if (before.claims().stream().anyMatch(c -> !c.isLocal() && !c.storedProperties().isEmpty())) {
            throw new IllegalStateException(previous + " stores properties of external claims: say so in the header");
        }
        StringBuilder out = new StringBuilder();
        out.append("# Default claim values IS ").append(release).append(" changed in claims that IS ").append(previous)
                .append(" already had (").append(entries.size()).append(" changes).\n")
                .append("# Generated from the release facts claims-").append(previous).append(".json and claims-")
                .append(release).append(".json by\n# src/test/java/org/wso2/carbon/is/migration/migrator/claim/")
                .append("ClaimDataFileGenerator.java; do not edit by hand.\n")
                .append("#\n")
                .append("# Used by the opt-in ClaimChangesMigrator: a change is applied to a tenant only where the")
                .append(" stored value is still\n# `from` (the ").append(previous).append(" default); a value the")
                .append(" tenant changed is reported and kept.\n")
                .append("#   property:        the IDN_CLAIM_PROPERTY row of that name\n")
                .append("#   mappedAttribute: the IDN_CLAIM_MAPPED_ATTRIBUTE row of that user-store domain\n");
        if (remaps > 0) {
            out.append("#   mappedLocalClaim: the IDN_CLAIM_MAPPING row of the external claim, to a claim of that")
                    .append(" dialect; applied only\n#                    where the tenant has the `to` claim (the")
                    .append(" release's ClaimDataMigrator step adds it)\n");
        }
        out.append("#   notStored:       a claim-config.xml element the server keeps no row for (an external")
                .append(" claim's AttributeID);\n#                    listed for completeness, nothing to migrate.\n")
                .append(comment(previous + " stored no property rows for external claims, so their "
                        + String.join(" and ", externalProperties) + " changes apply only where such a row exists."))
                .append("release: ").append(quote(release)).append('\n')
                .append("changes:\n");
        entries.forEach(out::append);
        return out.toString();
    }

    private static String change(ReleaseClaimFacts.Claim claim, String kind, String name, String from, String to) {
        return "  - dialect: " + quote(claim.dialect()) + "\n"
                + "    claim: " + quote(claim.claim()) + "\n"
                + "    " + kind + ": " + quote(name) + "\n"
                + "    from: " + quote(from) + "\n"
                + "    to: " + quote(to) + "\n";
    }

    /** {@code text} as {@code # } comment lines of at most 120 characters. */
    private static String comment(String text) {
        StringBuilder out = new StringBuilder();
        String rest = text;
        while (rest.length() > 118) {
            int cut = rest.lastIndexOf(' ', 118);
            out.append("# ").append(rest, 0, cut).append('\n');
            rest = rest.substring(cut + 1);
        }
        return out.append("# ").append(rest).append('\n').toString();
    }

    /** A YAML double-quoted scalar. */
    static String quote(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\x%02x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
