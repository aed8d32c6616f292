package org.wso2.carbon.is.migration.report;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides credentials that JDBC URLs and driver messages can carry, so they can go into logs, reports and errors.
 * Covers the forms the supported drivers accept: {@code password=...} properties ({@code ;} or {@code &}
 * separated), user info in {@code //user:secret@host}, and Oracle's {@code thin:user/secret@host}.
 */
public final class Secrets {

    public static final String MASK = "******";

    private static final Pattern PASSWORD_PROPERTY =
            Pattern.compile("(?i)((?:password|pwd|passwd)\\s*=)[^;&\\s)]*");
    private static final Pattern URL_USER_INFO = Pattern.compile("(//[^/:@;?\\s]*:)[^@/\\s]*(@)");
    private static final Pattern ORACLE_THIN_CREDENTIALS = Pattern.compile("(?i)(:thin:[^/@:\\s]*/)[^@\\s]*(@)");

    private Secrets() {
    }

    /** The text with every password it carries replaced by {@link #MASK}; {@code null} stays {@code null}. */
    public static String mask(String text) {
        if (text == null) {
            return null;
        }
        String mask = Matcher.quoteReplacement(MASK);
        String masked = PASSWORD_PROPERTY.matcher(text).replaceAll("$1" + mask);
        masked = URL_USER_INFO.matcher(masked).replaceAll("$1" + mask + "$2");
        return ORACLE_THIN_CREDENTIALS.matcher(masked).replaceAll("$1" + mask + "$2");
    }
}
