package dev.mayday;

import dev.mayday.db.Database;
import dev.mayday.db.StoreFile;
import dev.mayday.db.backup.StoreLock;

/** The store: its lock, held while the server runs so that a restore cannot replace the store under it, then the database. */
final class StoreWiring {

    private final Database database;

    StoreWiring(String databaseUrl, Opened opened) {
        opened.add("the store lock", StoreLock.tryAcquire(StoreFile.of(databaseUrl)).orElseThrow(() ->
                new ConfigException("Another Mayday server is using " + StoreFile.of(databaseUrl)
                        + " (DATABASE_URL): stop it first, or give this one its own store.")));
        this.database = opened.add("the database", Database.open(databaseUrl));
    }

    Database database() {
        return database;
    }
}
