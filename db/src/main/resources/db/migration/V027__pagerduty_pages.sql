-- Every PagerDuty incident linked to a Mayday incident: the ones Mayday created by paging someone
-- (/incident page, the lead's page at declaration) and the ones linked by hand (/incident pd link). Webhooks about
-- any of them update that incident instead of declaring a new one. The incident's first link is also its mirror
-- (incidents.pagerduty_id), which an incident declared by PagerDuty has from the start.
CREATE TABLE pagerduty_links (
    pagerduty_id TEXT   PRIMARY KEY,
    incident_id  BIGINT NOT NULL REFERENCES incidents (id),
    url          TEXT,
    linked_at    BIGINT NOT NULL
);
CREATE INDEX pagerduty_links_incident ON pagerduty_links (incident_id);
