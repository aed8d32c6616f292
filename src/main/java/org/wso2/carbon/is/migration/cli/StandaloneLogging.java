package org.wso2.carbon.is.migration.cli;

/**
 * Settings for slf4j-simple, the logger the jar carries for standalone runs (in the server, the server's logging
 * is used). Set before the first logger is made; an operator's own -D settings win.
 */
final class StandaloneLogging {

    private StandaloneLogging() {
    }

    static void configure() {
        setDefault("org.slf4j.simpleLogger.defaultLogLevel", "info");
        setDefault("org.slf4j.simpleLogger.showDateTime", "true");
        setDefault("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd HH:mm:ss.SSS");
        setDefault("org.slf4j.simpleLogger.showThreadName", "false");
        setDefault("org.slf4j.simpleLogger.showShortLogName", "true");
        setDefault("org.slf4j.simpleLogger.levelInBrackets", "true");
    }

    private static void setDefault(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
