package org.wso2.carbon.is.migration.api;

import java.sql.Connection;
import java.sql.SQLException;

import org.osgi.annotation.versioning.ProviderType;

/** One logical database as a migrator sees it. */
@ProviderType
public interface MigrationDatabase {

    /** {@code identity}, {@code um}, {@code consent}, {@code uma} or {@code registry}. */
    String logicalName();

    /** The detected dialect; its {@link Dialect#scriptName()} names the scripts written for it. */
    Dialect dialect();

    /** A new connection, auto-commit off; the caller closes it. */
    Connection connect() throws SQLException;
}
