package org.wso2.carbon.is.migration.osgi.launcher;

import java.lang.reflect.Proxy;
import java.util.Hashtable;
import java.util.Map;

import javax.naming.Context;
import javax.naming.NameNotFoundException;
import javax.naming.OperationNotSupportedException;

/**
 * The smallest JNDI context that serves Carbon's use: {@code lookup} and {@code bind} by name over a map, every other
 * operation refused.
 */
final class JndiContexts {

    private JndiContexts() {
    }

    static Context backedBy(Map<String, Object> names) {
        return (Context) Proxy.newProxyInstance(JndiContexts.class.getClassLoader(), new Class<?>[] {Context.class},
                (proxy, method, arguments) -> {
                    switch (method.getName()) {
                        case "lookup":
                            Object found = names.get(String.valueOf(arguments[0]));
                            if (found == null) {
                                throw new NameNotFoundException(arguments[0] + " is not bound");
                            }
                            return found;
                        case "bind":
                        case "rebind":
                            names.put(String.valueOf(arguments[0]), arguments[1]);
                            return null;
                        case "close":
                            return null;
                        case "getEnvironment":
                            return new Hashtable<>();
                        case "toString":
                            return "launcher JNDI " + names.keySet();
                        case "hashCode":
                            return System.identityHashCode(proxy);
                        case "equals":
                            return proxy == arguments[0];
                        default:
                            throw new OperationNotSupportedException(method.getName());
                    }
                });
    }
}
