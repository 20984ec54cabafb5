// Constraints and indexes, applied at start-up and by `kg db migrate`. Every statement is
// idempotent (IF NOT EXISTS), one per `;`-terminated block.
CREATE CONSTRAINT region_id IF NOT EXISTS FOR (n:Region) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT article_id IF NOT EXISTS FOR (n:Article) REQUIRE n.id IS UNIQUE;
CREATE INDEX region_name IF NOT EXISTS FOR (n:Region) ON (n.name);
CREATE INDEX region_code IF NOT EXISTS FOR (n:Region) ON (n.code);
