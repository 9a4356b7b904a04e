package dev.mayday.db;

/** How a store runs a unit of work that writes: all of it is committed when this returns, or none of it. */
interface Writes {

    <T> T write(Database.StoreWork<T> work);

    /** A write that row locks and unique keys keep right by themselves (see {@link Database#inTransactionUnderRowLocks}). */
    default <T> T writeUnderRowLocks(Database.StoreWork<T> work) {
        return write(work);
    }
}
