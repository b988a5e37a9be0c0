-- A live SQLite schema written the way other tools write it: type names ctsql does not use,
-- an expression default, an expression index, a primary key that allows NULL. The import reads
-- it approximately (warnings, REVIEW comments); the result must still compile and be consistent.
CREATE TABLE "orders" ("id" BIGINT PRIMARY KEY, "code" VARCHAR(12) NOT NULL UNIQUE, "placed" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP, "total" NUMERIC(10, 2) DEFAULT 0, "note" CLOB, "paid" BOOL NOT NULL DEFAULT 0, "day" DATE DEFAULT (date('now')), "payload");
CREATE INDEX "orders_by_code_lower" ON "orders" (lower("code"));
CREATE INDEX "orders_by_placed" ON "orders" ("placed", "paid");
