package org.wso2.carbon.is.migration.testsupport;

import java.util.Map;

import javax.sql.DataSource;

import org.wso2.carbon.is.migration.datasource.DataSourceException;
import org.wso2.carbon.is.migration.datasource.DataSourceLocator;

/** DataSources found by their names, as the server finds them in JNDI; an unknown name fails as there. */
public final class NamedDataSources {

    private NamedDataSources() {
    }

    public static DataSourceLocator of(Map<String, DataSource> byName) {
        return name -> {
            DataSource found = byName.get(name);
            if (found == null) {
                throw new DataSourceException("no DataSource " + name);
            }
            return found;
        };
    }
}
