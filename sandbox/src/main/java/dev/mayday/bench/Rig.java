package dev.mayday.bench;

import dev.mayday.sandbox.fake.FakeSlack;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;

/**
 * What the traffic phases drive: Mayday and the bare app (their {@code /slack/events}), Mayday's PagerDuty webhook,
 * the fake Slack both call, Mayday's store, the incident channels made at set-up and the channel to declare from.
 */
record Rig(FakeSlack slack, StoreProbe store, URI mayday, URI bare, URI webhook, List<String> channels,
           String general) {

    Rig {
        channels = List.copyOf(channels);
    }

    static InetSocketAddress address(URI uri) {
        return new InetSocketAddress(uri.getHost(), uri.getPort());
    }
}
