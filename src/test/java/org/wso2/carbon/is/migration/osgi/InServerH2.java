package org.wso2.carbon.is.migration.osgi;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

import org.wso2.carbon.is.migration.testsupport.H2Engines;

/** The H2 databases the test servers bind in JNDI: H2 1.4.199, the engine IS 5.9.0 ships, as wso2carbon. */
final class InServerH2 {

    private InServerH2() {
    }

    /** A connection from the test JVM, once the server that used the file has ended. */
    static Connection connect(String url) throws SQLException {
        Properties credentials = new Properties();
        credentials.setProperty("user", "wso2carbon");
        credentials.setProperty("password", "wso2carbon");
        return H2Engines.V1_4_199.driver().connect(url, credentials);
    }
}
