package org.wso2.carbon.is.migration.prepare;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.wso2.carbon.is.migration.prepare.CarryOverRule.WhenDifferent;

/**
 * Steps 1 to 5 of the 5.9.0 migration guide ("Migrating to 5.9.0"): what an operator copies by hand from the old
 * home to the new one before the database migration.
 */
public final class CarryOverRules {

    /** Custom OSGi bundles the operator added; all of them may need a build for the new release. */
    public static final CarryOverRule DROPINS = new CarryOverRule("dropins", "repository/components/dropins", false,
            new String[] {".jar"}, WhenDifferent.REPLACE_KEEPING_ASIDE, true);

    /**
     * JARs the operator added (JDBC drivers, libraries of custom code). A JAR the new distribution has under the same
     * name is the distribution's own and stays.
     */
    public static final CarryOverRule LIB = new CarryOverRule("lib", "repository/components/lib", false,
            new String[] {".jar"}, WhenDifferent.KEEP_NEW, true);

    /**
     * The keystores: the old primary keystore is what the data in the databases is encrypted with. The guide names
     * the {@code .jks} files; PKCS12 keystores carbon.xml may name are carried too.
     */
    public static final CarryOverRule KEYSTORES = new CarryOverRule("keystores", "repository/resources/security", false,
            new String[] {".jks", ".p12", ".pfx"}, WhenDifferent.REPLACE_KEEPING_ASIDE, false);

    /** Tenants' files (their own deployment folders). */
    public static final CarryOverRule TENANTS = new CarryOverRule("tenants", "repository/tenants", true, null,
            WhenDifferent.REPLACE_KEEPING_ASIDE, false);

    /** Secondary user stores of the super tenant. */
    public static final CarryOverRule USERSTORES = new CarryOverRule("userstores",
            "repository/deployment/server/userstores", true, null, WhenDifferent.REPLACE_KEEPING_ASIDE, false);

    private CarryOverRules() {
    }

    /** The rules in the guide's order. */
    public static List<CarryOverRule> all() {
        return Collections.unmodifiableList(Arrays.asList(DROPINS, LIB, KEYSTORES, TENANTS, USERSTORES));
    }
}
