package dev.mayday.db;

/** "Does the store take writes now?", answered by one tiny write the way the store's own writes are made. */
interface WriteProbe {

    Writability probe();
}
