package org.wso2.carbon.is.migration.sql;

import org.wso2.carbon.is.migration.api.ErrorCode;
import org.wso2.carbon.is.migration.api.MigrationException;

/** A script that cannot be split into statements; the message names the file and the line where the problem starts. */
public class SqlScriptException extends MigrationException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;
    private final String reason;

    public SqlScriptException(String source, int line, String reason) {
        super(ErrorCode.INVALID_SCRIPT, source + ":" + line + ": " + reason);
        this.source = source;
        this.line = line;
        this.reason = reason;
    }

    /** The script, as named to the splitter. */
    public String source() {
        return source;
    }

    /** The 1-based line where the faulty construct starts. */
    public int line() {
        return line;
    }

    /** The message without the location prefix. */
    public String reason() {
        return reason;
    }
}
