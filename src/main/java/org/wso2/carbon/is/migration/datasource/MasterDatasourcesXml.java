package org.wso2.carbon.is.migration.datasource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The databases of a release before 5.9.0, from its {@code <IS_HOME>/repository/conf/datasources/
 * master-datasources.xml}: each RDBMS {@code <datasource>}'s URL, user, password and driver, found by its JNDI name
 * ({@code <jndiConfig><name>}, e.g. {@code jdbc/WSO2IdentityDB}) or its own {@code <name>}. Read without DTDs or
 * external entities.
 */
public final class MasterDatasourcesXml {

    private MasterDatasourcesXml() {
    }

    public static Path fileUnder(Path isHome) {
        return isHome.resolve("repository").resolve("conf").resolve("datasources").resolve("master-datasources.xml");
    }

    /** The RDBMS datasources by JNDI name and by name. */
    public static Map<String, DatabaseSettings> read(Path isHome) throws DataSourceException {
        Path file = fileUnder(isHome);
        Document document;
        try (InputStream in = Files.newInputStream(file)) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            document = factory.newDocumentBuilder().parse(in);
        } catch (IOException | SAXException | ParserConfigurationException e) {
            throw new DataSourceException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        Map<String, DatabaseSettings> byName = new LinkedHashMap<>();
        NodeList datasources = document.getElementsByTagName("datasource");
        for (int i = 0; i < datasources.getLength(); i++) {
            Element datasource = (Element) datasources.item(i);
            Element configuration = child(datasource, "definition", "configuration");
            String url = text(configuration, "url");
            if (url == null) {
                continue;
            }
            String name = text(datasource, "name");
            DatabaseSettings settings = new DatabaseSettings(name, "rdbms", url, text(configuration, "username"),
                    text(configuration, "password"), text(configuration, "driverClassName"), file);
            byName.put(name, settings);
            String jndiName = text(child(datasource, "jndiConfig"), "name");
            if (jndiName != null) {
                byName.put(jndiName, settings);
            }
        }
        return Collections.unmodifiableMap(byName);
    }

    /** The element reached through the named children, each the first of its name; null when one is missing. */
    private static Element child(Element parent, String... names) {
        Element current = parent;
        for (String name : names) {
            if (current == null) {
                return null;
            }
            Element found = null;
            NodeList children = current.getChildNodes();
            for (int i = 0; i < children.getLength() && found == null; i++) {
                if (children.item(i) instanceof Element && ((Element) children.item(i)).getTagName().equals(name)) {
                    found = (Element) children.item(i);
                }
            }
            current = found;
        }
        return current;
    }

    private static String text(Element parent, String name) {
        Element element = child(parent, name);
        return element == null ? null : element.getTextContent().trim();
    }
}
