package org.wso2.carbon.is.migration.prepare;

import java.util.LinkedHashMap;
import java.util.Map;

/** The outcome of one item {@code prepare} checks, as the summary and the report show it. */
public final class Verdict {

    public enum Status {
        /** Done, or nothing to do. */
        OK,
        /** Nothing failed, but the operator has to look at it (custom bundles for the new release). */
        REVIEW,
        /** The new home is not ready for the migration: the command exits with 1. */
        FAILED
    }

    private final String item;
    private final Status status;
    private final String detail;

    Verdict(String item, Status status, String detail) {
        this.item = item;
        this.status = status;
        this.detail = detail;
    }

    public String item() {
        return item;
    }

    public Status status() {
        return status;
    }

    public String detail() {
        return detail;
    }

    Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("item", item);
        map.put("verdict", status.name());
        map.put("detail", detail);
        return map;
    }
}
