package org.wso2.carbon.is.migration.sync;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies one page of a table's journal: the current source state of each key is written to the target in one
 * transaction, and then exactly the journal entries read are removed.
 *
 * <p>Why no change is lost or applied stale:
 * <ul>
 * <li>Every change of a synced row commits its journal entry in the same transaction (the trigger), so once the
 *     change is visible its entry is too, and until the entry is removed the change will be applied.</li>
 * <li>The source rows are read after their journal entries, so what is written is at least as new as every change
 *     those entries stand for. A change committed after the read has an entry this page did not read, which stays
 *     and is applied later.</li>
 * <li>Only the entries read are removed, after the target committed. A crash in between leaves them, and the next
 *     run writes the same (or a newer) state again: writing a state is idempotent.</li>
 * <li>A key with a delete (or a key change away) among its entries that has a row again was removed and written anew
 *     on the source, whose foreign keys' ON DELETE actions then removed the old row's children. The target's row is
 *     deleted before the current one is inserted, so that the target's own foreign keys remove the same children
 *     (on MySQL and MariaDB no trigger saw them go). The source's children of the key are queued again
 *     ({@link ChildRows}) in the transaction that removes the key's entries, so that one already applied before
 *     is written again after it.</li>
 * </ul>
 *
 * <p>A row the target refuses does not hold up the others: the page is split in halves until the refused row is
 * alone, the rest is applied, and the row waits ({@link RetryBook}) and is tried again, until after
 * {@code maxAttempts} failures it is parked in the dead-letter table with its error and its entries removed. The
 * failures are counted on the row's journal entries too, so a restart does not start the count again. A refusal
 * while the row's parent is still pending in its journal is not counted ({@link PendingParents}).
 * Failures reading or writing the source are not the row's fault: they end the page and the run tries it again.
 */
final class ChangeApplier {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeApplier.class);

    private static final int TARGET_CHECK_SECONDS = 5;

    private final Journal journal;
    private final RowCopier copier;
    private final RowTransform transform;
    private final RetryBook retries;
    private final PendingParents parents;
    private final ChildRows children;

    ChangeApplier(Journal journal, RowCopier copier, RowTransform transform, RetryBook retries, ChildRows children) {
        this.journal = journal;
        this.copier = copier;
        this.transform = transform;
        this.retries = retries;
        this.parents = new PendingParents(copier.table(), copier.columns());
        this.children = children;
    }

    /**
     * Applies {@code entries}, skipping keys that wait for a retry (their entries stay).
     *
     * @return rows written or deleted on the target
     * @throws SQLException when the source cannot be read or its journal updated
     */
    int apply(Connection source, Connection target, List<JournalEntry> entries) throws SQLException {
        Map<RowKey, List<Long>> idsByKey = new LinkedHashMap<>();
        Set<RowKey> removed = new HashSet<>();
        long now = System.currentTimeMillis();
        for (JournalEntry entry : entries) {
            retries.recorded(entry.key(), entry.failures());
            if (!retries.waiting(entry.key(), now)) {
                idsByKey.computeIfAbsent(entry.key(), key -> new ArrayList<>()).add(entry.id());
                if (entry.removesTheRow()) {
                    removed.add(entry.key());
                }
            }
        }
        return applyKeys(source, target, idsByKey, removed);
    }

    /** @param removed the keys whose row was removed on the source since the last state the target got */
    private int applyKeys(Connection source, Connection target, Map<RowKey, List<Long>> idsByKey,
                          Set<RowKey> removed) throws SQLException {
        if (idsByKey.isEmpty()) {
            return 0;
        }
        Map<RowKey, Object[]> rows = copier.read(source, idsByKey.keySet());
        try {
            List<RowKey> written = copier.write(target, idsByKey.keySet(), rows, removed);
            transform.afterWrite(target, copier.table(), written);
            target.commit();
        } catch (SQLException refused) {
            rollback(target, refused);
            if (!target.isValid(TARGET_CHECK_SECONDS)) {
                throw refused; // the target is gone, not refusing these rows: the run tries them again later
            }
            if (idsByKey.size() > 1) {
                return split(source, target, idsByKey, removed);
            }
            RowKey key = idsByKey.keySet().iterator().next();
            refused(source, key, idsByKey.values().iterator().next(), rows.get(key), refused);
            return 0;
        }
        List<Long> ids = new ArrayList<>();
        List<RowKey> writtenAnew = new ArrayList<>();
        for (Map.Entry<RowKey, List<Long>> applied : idsByKey.entrySet()) {
            ids.addAll(applied.getValue());
            retries.forget(applied.getKey());
            if (removed.contains(applied.getKey()) && rows.containsKey(applied.getKey())) {
                writtenAnew.add(applied.getKey());
            }
        }
        children.queue(source, writtenAnew);
        journal.delete(source, ids);
        source.commit();
        return idsByKey.size();
    }

    private int split(Connection source, Connection target, Map<RowKey, List<Long>> idsByKey, Set<RowKey> removed)
            throws SQLException {
        Map<RowKey, List<Long>> first = new LinkedHashMap<>();
        Map<RowKey, List<Long>> second = new LinkedHashMap<>();
        for (Map.Entry<RowKey, List<Long>> entry : idsByKey.entrySet()) {
            (first.size() < idsByKey.size() / 2 ? first : second).put(entry.getKey(), entry.getValue());
        }
        return applyKeys(source, target, first, removed) + applyKeys(source, target, second, removed);
    }

    private void refused(Connection source, RowKey key, List<Long> ids, Object[] row, SQLException error)
            throws SQLException {
        String table = copier.table().name();
        String parent = row == null ? null : parents.pendingParent(source, row);
        if (parent != null) {
            source.commit();
            LOG.info("{}: the target refused the row {} while its parent {} is still pending; tried again after it,"
                    + " not counted as a failure: {}", table, key, parent, error.toString());
            return;
        }
        if (retries.failed(key, System.currentTimeMillis())) {
            int attempts = retries.attempts(key);
            DeadLetters.park(source, copier.table(), key, attempts, error.toString());
            journal.delete(source, ids);
            source.commit();
            retries.forget(key);
            LOG.error("{}: the target refused the row {} {} times; parked in {}: {}", table, key, attempts,
                    SyncNames.DEAD_LETTER_TABLE, error.toString());
        } else {
            journal.recordFailures(source, ids, retries.attempts(key));
            source.commit();
            LOG.warn("{}: the target refused the row {} (attempt {}), will try again: {}", table, key,
                    retries.attempts(key), error.toString());
        }
    }

    private static void rollback(Connection target, SQLException cause) {
        try {
            target.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
