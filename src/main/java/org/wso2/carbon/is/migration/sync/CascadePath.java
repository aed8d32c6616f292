package org.wso2.carbon.is.migration.sync;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.wso2.carbon.is.migration.schema.ForeignKeyConstraint;

/**
 * How deleting a row of one table (the {@code ancestor}) removes or changes rows of a synced table without a
 * statement naming them: a chain of foreign keys with an ON DELETE action, from the synced table up to the ancestor
 * (an access token's scopes from its token; the tokens, their scopes and the codes of an OAuth application from the
 * application, which is not synced). Every link above the first is ON DELETE CASCADE; the first may also set the
 * synced row's columns to NULL or their default, which changes the row instead of removing it.
 *
 * <p>MySQL and MariaDB fire no trigger for rows a foreign key action removes or changes (MySQL bug #11472), so on
 * those engines the ancestor's own BEFORE DELETE trigger journals the synced rows the delete is about to reach,
 * by this path's {@link #journalInsert}. The other engines fire the synced table's triggers for them. Where the
 * ancestor is synced too and the target release has the same chain ({@link SyncTables}), there is no such
 * trigger: the ancestor's delete is journalled, and applying it on the target removes the same rows there. (A
 * trigger on the token table that journalled each token's scopes made a token delete cost 0.3 ms more on MariaDB:
 * a trigger's read of another table is that slow there.) A synced parent deleted and inserted again under the same
 * key before the run applies it is deleted on the target before it is written ({@link ChangeApplier}), so its old
 * children go there too.
 */
final class CascadePath {

    private final String ancestor;
    private final List<Link> links;

    private CascadePath(String ancestor, List<Link> links) {
        this.ancestor = ancestor;
        this.links = Collections.unmodifiableList(new ArrayList<>(links));
    }

    /** The path of one foreign key of the synced table, or null when that key has no ON DELETE action. */
    static CascadePath of(String table, ForeignKeyConstraint foreignKey) {
        if (action(foreignKey) == null) {
            return null;
        }
        List<Link> links = new ArrayList<>();
        links.add(new Link(table, foreignKey));
        return new CascadePath(foreignKey.refTable(), links);
    }

    /**
     * This path continued by one more foreign key, of the ancestor, to its referenced table; null unless that key
     * cascades (only a removed row reaches further down).
     */
    CascadePath upTo(ForeignKeyConstraint ancestorKey) {
        if (!"CASCADE".equals(action(ancestorKey))) {
            return null;
        }
        List<Link> longer = new ArrayList<>(links);
        longer.add(new Link(ancestor, ancestorKey));
        return new CascadePath(ancestorKey.refTable(), longer);
    }

    /** The table whose deleted row starts the chain. */
    String ancestor() {
        return ancestor;
    }

    /** Whether the path passes through {@code table} (a foreign key cycle would otherwise never end). */
    boolean reaches(String table) {
        if (ancestor.equalsIgnoreCase(table)) {
            return true;
        }
        for (Link link : links) {
            if (link.table.equalsIgnoreCase(table)) {
                return true;
            }
        }
        return false;
    }

    /** Whether this is a foreign key of the synced table itself that removes its rows (ON DELETE CASCADE). */
    boolean removesByOwnKey() {
        return links.size() == 1 && "CASCADE".equals(action(links.get(0).foreignKey));
    }

    /** Whether {@code paths} holds the same chain: the same tables, columns and actions. */
    boolean isIn(List<CascadePath> paths) {
        for (CascadePath other : paths) {
            if (other.chain().equals(chain())) {
                return true;
            }
        }
        return false;
    }

    /** Every link as table, columns, referenced table and columns, and action. */
    private String chain() {
        StringBuilder chain = new StringBuilder();
        for (Link link : links) {
            chain.append(link.table).append(link.foreignKey.columns()).append(" -> ")
                    .append(link.foreignKey.refTable()).append(link.foreignKey.refColumns()).append(' ')
                    .append(action(link.foreignKey)).append("; ");
        }
        return chain.toString();
    }

    /**
     * The statement a BEFORE DELETE row trigger of the ancestor runs: the keys of the synced rows the deleted row
     * ({@code oldRow}, {@code OLD.}) reaches, into the synced table's journal. The operation is {@code D} where the
     * rows are removed and {@code U} where their foreign key columns are set; the run reads their state either way.
     * Every name comes from the schema facts.
     */
    String journalInsert(SyncedTable table, String oldRow) {
        char operation = "CASCADE".equals(action(links.get(0).foreignKey)) ? 'D' : 'U';
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(table.journal()).append(" (SYNC_OP, ")
                .append(table.keyList("")).append(") SELECT '").append(operation).append("', ")
                .append(table.keyList("C0.")).append(" FROM ").append(table.name()).append(" C0");
        for (int i = 1; i < links.size(); i++) {
            sql.append(" JOIN ").append(links.get(i).table).append(" C").append(i).append(" ON ")
                    .append(equalities(links.get(i - 1).foreignKey, "C" + (i - 1) + ".", "C" + i + "."));
        }
        int last = links.size() - 1;
        return sql.append(" WHERE ").append(equalities(links.get(last).foreignKey, "C" + last + ".", oldRow))
                .toString();
    }

    private static String equalities(ForeignKeyConstraint foreignKey, String child, String parent) {
        List<String> equalities = new ArrayList<>();
        for (int i = 0; i < foreignKey.columns().size(); i++) {
            equalities.add(child + foreignKey.columns().get(i) + " = " + parent + foreignKey.refColumns().get(i));
        }
        return String.join(" AND ", equalities);
    }

    /** {@code CASCADE}, {@code SET NULL} or {@code SET DEFAULT}; null for no action (the delete is refused). */
    private static String action(ForeignKeyConstraint foreignKey) {
        if (foreignKey.onDelete() == null) {
            return null;
        }
        String action = foreignKey.onDelete().trim().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
        switch (action) {
            case "CASCADE":
            case "SET NULL":
            case "SET DEFAULT":
                return action;
            default:
                return null;
        }
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (Link link : links) {
            text.append(link.table).append(" -> ");
        }
        return text.append(ancestor).toString();
    }

    /** One foreign key of the chain, with the table that holds it. */
    private static final class Link {
        final String table;
        final ForeignKeyConstraint foreignKey;

        Link(String table, ForeignKeyConstraint foreignKey) {
            this.table = table;
            this.foreignKey = foreignKey;
        }
    }
}
