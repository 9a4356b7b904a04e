package dev.mayday.sandbox.fake;

/** A workspace member the fake knows about, registered with {@link FakeSlack#addUser}. */
public record FakeUser(String id, String email, String name) {}
