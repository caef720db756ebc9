-- Schema version 2 of the Rempart store, as Rempart 0.2 created it, with a few rows.
-- test-store-migrations.c builds a v2 database from this file and opens it with the current
-- code. Never edit the DDL: it is history (rempart-store-schema.c, migrations 1 and 2).
BEGIN;
CREATE TABLE subscriptions (id INTEGER PRIMARY KEY, url TEXT NOT NULL UNIQUE, public_key TEXT, title TEXT, etag TEXT, last_modified TEXT, last_seq INTEGER NOT NULL DEFAULT -1, expires INTEGER NOT NULL DEFAULT 0, last_check INTEGER NOT NULL DEFAULT 0, last_success INTEGER NOT NULL DEFAULT 0, next_check INTEGER NOT NULL DEFAULT 0, retry_after INTEGER NOT NULL DEFAULT 0, failures INTEGER NOT NULL DEFAULT 0, last_error TEXT, ended INTEGER NOT NULL DEFAULT 0, is_signed INTEGER NOT NULL DEFAULT 0);
CREATE TABLE actions (subscription_id INTEGER NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE, action_id TEXT NOT NULL, url TEXT NOT NULL, title TEXT NOT NULL, topic INTEGER NOT NULL DEFAULT 0, priority INTEGER NOT NULL DEFAULT 0, platform TEXT, expires INTEGER, date_published INTEGER, sort_date INTEGER NOT NULL, details TEXT NOT NULL, hash TEXT NOT NULL, archived INTEGER NOT NULL DEFAULT 0, first_seen INTEGER NOT NULL, updated INTEGER NOT NULL, PRIMARY KEY (subscription_id, action_id));
CREATE INDEX actions_order ON actions (priority DESC, sort_date DESC);
CREATE TABLE action_state (subscription_url TEXT NOT NULL, action_id TEXT NOT NULL, state INTEGER NOT NULL DEFAULT 0, updated INTEGER NOT NULL, PRIMARY KEY (subscription_url, action_id));
CREATE TABLE drafts (subscription_url TEXT NOT NULL, action_id TEXT NOT NULL, text TEXT NOT NULL, template_id TEXT, updated INTEGER NOT NULL, PRIMARY KEY (subscription_url, action_id));
CREATE TABLE events (id INTEGER PRIMARY KEY, subscription_url TEXT NOT NULL, action_id TEXT NOT NULL, kind INTEGER NOT NULL, at INTEGER NOT NULL);
CREATE INDEX events_kind_at ON events (kind, at);
ALTER TABLE drafts ADD COLUMN queued INTEGER NOT NULL DEFAULT 0;
CREATE INDEX drafts_queued ON drafts (queued) WHERE queued = 1;
CREATE TABLE user_templates (id TEXT PRIMARY KEY, title TEXT NOT NULL, language TEXT, topics TEXT NOT NULL DEFAULT '[]', body TEXT NOT NULL, when_text TEXT, created INTEGER NOT NULL, updated INTEGER NOT NULL);
INSERT INTO subscriptions (id, url, public_key, title, etag, last_seq, expires, is_signed)
  VALUES (1, 'https://example.org/jesuisla/feed.json', 'RWQfixturekey', '#jesuislà', '"v2-etag"', 41, 1777766400, 1);
INSERT INTO actions (subscription_id, action_id, url, title, topic, priority, platform, expires,
  date_published, sort_date, details, hash, archived, first_seen, updated)
  VALUES (1, 'queued-action', 'https://example.org/t/2', 'Un fil de la version 2', 2, 0, 'youtube',
  4102444800, 1777703400, 1777703400,
  '{"brief":"Rappeler la loi.","language":"fr","date_published":"2026-05-02T08:30:00+02:00","expires":"2100-01-01T00:00:00Z"}',
  'fixture-hash-2', 0, 1777703400, 1777703400),
  (1, 'plain-action', 'https://example.org/t/3', 'Un fil sans brouillon', 1, 0, 'x',
  4102444800, 1777700000, 1777700000,
  '{"brief":"Des chiffres.","language":"fr","date_published":"2026-05-02T07:33:20+02:00","expires":"2100-01-01T00:00:00Z"}',
  'fixture-hash-3', 0, 1777700000, 1777700000);
INSERT INTO action_state VALUES ('https://example.org/jesuisla/feed.json', 'queued-action', 3, 1777703500);
INSERT INTO drafts (subscription_url, action_id, text, template_id, updated, queued)
  VALUES ('https://example.org/jesuisla/feed.json', 'queued-action', '#jesuislà Brouillon v2', 'empathy', 1777703600, 1);
INSERT INTO events (subscription_url, action_id, kind, at) VALUES
  ('https://example.org/jesuisla/feed.json', 'queued-action', 1, 1777703500),
  ('https://example.org/jesuisla/feed.json', 'queued-action', 2, 1777703500);
INSERT INTO user_templates VALUES ('mine', 'Le mien', 'fr', '["racism"]', '#jesuislà Mon texte', 'Souvent', 1777703000, 1777703100);
PRAGMA user_version = 2;
COMMIT;
