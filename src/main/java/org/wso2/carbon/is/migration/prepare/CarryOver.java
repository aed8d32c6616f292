package org.wso2.carbon.is.migration.prepare;

import java.io.IOException;
import java.util.List;

import org.apache.commons.io.FileUtils;
import org.wso2.carbon.is.migration.api.ErrorCode;

/** Carries out a plan's file actions on the new home. */
public final class CarryOver {

    private CarryOver() {
    }

    /**
     * Copies each file to carry (keeping its modification time), first copying a file it replaces to its backup
     * name. Stops at the first file that cannot be written; the files done before it stay done, and a re-run plans
     * them as already there.
     */
    public static void apply(List<FileAction> actions) throws PrepareException {
        for (FileAction action : actions) {
            try {
                if (action.kind() == FileAction.Kind.REPLACE) {
                    FileUtils.copyFile(action.target(), action.backup());
                }
                if (action.changes()) {
                    FileUtils.copyFile(action.source(), action.target());
                }
            } catch (IOException e) {
                throw new PrepareException(ErrorCode.STEP_FAILED, "Cannot copy " + action.source() + " to " + action.target() + ": "
                        + e.getMessage(), e);
            }
        }
    }
}
