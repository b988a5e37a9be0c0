-- A live SQLite schema using every feature ctsql declares (spelled the way SQLite reports what
-- ctsql creates, so the round trip can compare the introspected schemas exactly).
CREATE TABLE "accounts" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "email" TEXT NOT NULL UNIQUE, "nick" TEXT DEFAULT 'it''s "me"', "karma" INTEGER NOT NULL DEFAULT -3, "active" BOOLEAN NOT NULL DEFAULT 1, "ratio" REAL NOT NULL DEFAULT 2.5, "joined" TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP, "avatar" BLOB, "Display Name" TEXT);
CREATE TABLE "teams" ("id" INTEGER NOT NULL PRIMARY KEY, "name" TEXT NOT NULL, "parent" INTEGER REFERENCES "teams" ("id") ON DELETE SET NULL, UNIQUE ("parent", "name"));
CREATE TABLE "memberships" ("team" INTEGER NOT NULL REFERENCES "teams" ("id") ON DELETE CASCADE ON UPDATE CASCADE, "account" INTEGER NOT NULL REFERENCES "accounts" ("id") ON DELETE CASCADE, "role" TEXT NOT NULL DEFAULT 'member', "since" TIMESTAMP, PRIMARY KEY ("team", "account"));
CREATE TABLE "grants" ("team" INTEGER NOT NULL, "account" INTEGER NOT NULL, "right" TEXT NOT NULL, FOREIGN KEY ("team", "account") REFERENCES "memberships" ("team", "account") ON DELETE CASCADE);
CREATE INDEX "memberships_by_account" ON "memberships" ("account");
CREATE UNIQUE INDEX "grants_unique" ON "grants" ("team", "account", "right");
