package dev.mayday.db;

import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.extension.AttachedExtensionHandler;
import org.jdbi.v3.core.extension.ExtensionHandler;
import org.jdbi.v3.core.extension.Extensions;

/**
 * Turns JDBI's exceptions into {@link StoreException}, so that no caller outside this module needs to know JDBI. It is
 * installed where JDBI lets failures out: every DAO method, every handle callback, every transaction
 * ({@link OneWriterAtATime}), and {@link Database}'s own units of work.
 */
final class StoreFailures {

    private StoreFailures() {
    }

    static StoreException translated(JdbiException e) {
        return new StoreException(e.getMessage(), e);
    }

    /** Makes every DAO method and handle callback of {@code jdbi} raise {@link StoreException} instead of JDBI's own. */
    static void install(Jdbi jdbi) {
        jdbi.getConfig(Extensions.class).registerHandlerCustomizer((handler, type, method) -> translating(handler));
        jdbi.setHandleCallbackDecorator(StoreFailures::translating);
    }

    private static ExtensionHandler translating(ExtensionHandler handler) {
        return (config, target) -> {
            AttachedExtensionHandler attached = handler.attachTo(config, target);
            return new AttachedExtensionHandler() {
                @Override
                public Object invoke(org.jdbi.v3.core.extension.HandleSupplier handles, Object... args)
                        throws Exception {
                    try {
                        return attached.invoke(handles, args);
                    } catch (JdbiException e) {
                        throw translated(e);
                    }
                }

                @Override
                public void warm(org.jdbi.v3.core.config.ConfigRegistry config) {
                    attached.warm(config);
                }
            };
        };
    }

    private static <R, X extends Exception> HandleCallback<R, X> translating(HandleCallback<R, X> callback) {
        return handle -> {
            try {
                return callback.withHandle(handle);
            } catch (JdbiException e) {
                throw translated(e);
            }
        };
    }
}
