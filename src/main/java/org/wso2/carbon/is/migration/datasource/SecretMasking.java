package org.wso2.carbon.is.migration.datasource;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides credentials that JDBC URLs can carry, so URLs can be logged and put into error messages. Covers the forms the
 * supported drivers accept: {@code password=...} properties ({@code ;} or {@code &} separated), user info in
 * {@code //user:secret@host} and Oracle's {@code thin:user/secret@host}.
 */
final class SecretMasking {

    static final String MASK = "******";

    private static final Pattern PASSWORD_PROPERTY =
            Pattern.compile("(?i)((?:password|pwd|passwd)\\s*=)[^;&]*");
    private static final Pattern URL_USER_INFO = Pattern.compile("(//[^/:@;?]*:)[^@/]*(@)");
    private static final Pattern ORACLE_THIN_CREDENTIALS = Pattern.compile("(?i)(:thin:[^/@:]*/)[^@]*(@)");

    private SecretMasking() {
    }

    /** The URL with every password it carries replaced by {@link #MASK}; {@code null} stays {@code null}. */
    static String maskUrl(String url) {
        if (url == null) {
            return null;
        }
        String masked = PASSWORD_PROPERTY.matcher(url).replaceAll("$1" + Matcher.quoteReplacement(MASK));
        masked = URL_USER_INFO.matcher(masked).replaceAll("$1" + Matcher.quoteReplacement(MASK) + "$2");
        return ORACLE_THIN_CREDENTIALS.matcher(masked).replaceAll("$1" + Matcher.quoteReplacement(MASK) + "$2");
    }
}
