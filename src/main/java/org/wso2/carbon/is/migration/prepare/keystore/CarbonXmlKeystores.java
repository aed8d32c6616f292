package org.wso2.carbon.is.migration.prepare.keystore;

import java.io.File;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.apache.commons.io.FilenameUtils;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.wso2.carbon.is.migration.prepare.PrepareException;
import org.xml.sax.SAXException;

/**
 * The keystores of an IS 5.x home (5.7.0, 5.8.0): {@code repository/conf/carbon.xml}, {@code <Server><Security>},
 * whose {@code <KeyStore>}, {@code <InternalKeyStore>}, {@code <RegistryKeyStore>} and {@code <TrustStore>} each give
 * {@code Location}, {@code Type}, {@code Password}, {@code KeyAlias} and {@code KeyPassword}. A password the cipher
 * tool has secured (an {@code svns:secretAlias} attribute) is not a plain password and is read as unknown.
 */
public final class CarbonXmlKeystores {

    /** The primary keystore: what IS 5.x encrypts its data with unless an internal keystore is configured. */
    public static final String PRIMARY = "KeyStore";
    /** The keystore for internal data encryption, when configured (IS 5.5.0 and later, optional). */
    public static final String INTERNAL = "InternalKeyStore";

    private static final List<String> ELEMENTS = Collections.unmodifiableList(
            Arrays.asList(PRIMARY, INTERNAL, "RegistryKeyStore", "TrustStore"));

    private CarbonXmlKeystores() {
    }

    /** The path of carbon.xml under a home. */
    public static File fileUnder(File home) {
        return new File(home, "repository/conf/carbon.xml");
    }

    /** The keystores carbon.xml configures, by element name, in the order of {@link #ELEMENTS}. */
    public static Map<String, KeystoreSettings> read(File home) throws PrepareException {
        File file = fileUnder(home);
        Element security = securityElement(file);
        Map<String, KeystoreSettings> keystores = new LinkedHashMap<>();
        if (security == null) {
            return keystores;
        }
        for (String name : ELEMENTS) {
            Element keystore = child(security, name);
            if (keystore == null) {
                continue;
            }
            String location = text(keystore, "Location");
            if (location == null) {
                continue;
            }
            keystores.put(name, new KeystoreSettings("carbon.xml <" + name + ">", FilenameUtils.getName(location),
                    text(keystore, "Type"), plainPassword(keystore, "Password"), text(keystore, "KeyAlias"),
                    plainPassword(keystore, "KeyPassword")));
        }
        return keystores;
    }

    private static Element securityElement(File file) throws PrepareException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            // carbon.xml is the operator's own file, but nothing in it needs entities or external DTDs.
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            Document document = builder.parse(file);
            return child(document.getDocumentElement(), "Security");
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new PrepareException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static Element child(Element parent, String localName) {
        NodeList children = parent.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element) {
                Element element = (Element) children.item(i);
                String name = element.getLocalName() != null ? element.getLocalName() : element.getTagName();
                if (localName.equals(name)) {
                    return element;
                }
            }
        }
        return null;
    }

    private static String text(Element parent, String localName) {
        Element element = child(parent, localName);
        if (element == null) {
            return null;
        }
        String text = element.getTextContent().trim();
        return text.isEmpty() ? null : text;
    }

    private static String plainPassword(Element parent, String localName) {
        Element element = child(parent, localName);
        if (element == null || isSecuredByVault(element)) {
            return null;
        }
        return text(parent, localName);
    }

    private static boolean isSecuredByVault(Element element) {
        for (int i = 0; i < element.getAttributes().getLength(); i++) {
            String name = element.getAttributes().item(i).getNodeName();
            if (name.endsWith("secretAlias")) {
                return true;
            }
        }
        return false;
    }
}
