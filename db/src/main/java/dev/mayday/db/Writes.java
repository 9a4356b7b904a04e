package dev.mayday.db;

/** How a store runs a unit of work that writes: all of it is committed when this returns, or none of it. */
interface Writes {

    <T> T write(Database.StoreWork<T> work);
}
