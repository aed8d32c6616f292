/**
 * Watching a run while it works: the statements in flight (for progress lines on long statements and a check that
 * the database server still answers), and a stop request (SIGTERM, Ctrl-C) that the run honours at the next
 * statement, so that a chunk commits or rolls back whole and the ledger says where the run stopped.
 */
package org.wso2.carbon.is.migration.watch;
