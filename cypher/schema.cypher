// Constraints and indexes, applied at start-up and by `kg db migrate`. Every statement is
// idempotent (IF NOT EXISTS), one per `;`-terminated block.

// One node per id. Every extracted entity also carries the :Entity label, whose id is unique
// across types, so that facts can be written without knowing their ends' types.
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT region_id IF NOT EXISTS FOR (n:Region) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT agency_id IF NOT EXISTS FOR (n:Agency) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT official_id IF NOT EXISTS FOR (n:Official) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT program_id IF NOT EXISTS FOR (n:Program) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT policy_id IF NOT EXISTS FOR (n:Policy) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT enterprise_id IF NOT EXISTS FOR (n:Enterprise) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT indicator_id IF NOT EXISTS FOR (n:Indicator) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT outcome_id IF NOT EXISTS FOR (n:Outcome) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT article_id IF NOT EXISTS FOR (n:Article) REQUIRE n.id IS UNIQUE;

// Lookups the API and the ingest make by value.
CREATE INDEX region_name IF NOT EXISTS FOR (n:Region) ON (n.name);
CREATE INDEX region_code IF NOT EXISTS FOR (n:Region) ON (n.code);
CREATE INDEX region_level IF NOT EXISTS FOR (n:Region) ON (n.level);
CREATE INDEX entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name);
CREATE INDEX article_url IF NOT EXISTS FOR (n:Article) ON (n.url);
CREATE INDEX article_version IF NOT EXISTS FOR (n:Article) ON (n.extractorVersion);
CREATE INDEX outcome_indicator IF NOT EXISTS FOR (n:Outcome) ON (n.indicator);

// Full-text search over names and aliases. The CJK analyzer indexes Chinese by character
// bigrams, so 审批 finds 石家庄市行政审批局 without a word segmenter in Lucene.
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (n:Entity) ON EACH [n.name, n.aliases]
  OPTIONS { indexConfig: { `fulltext.analyzer`: 'cjk' } };

// The fixed indicator vocabulary, so that every indicator can be listed before any outcome.
UNWIND ['APPROVAL_TIME', 'APPROVAL_ITEMS', 'APPROVAL_MATERIALS', 'PROCESSING_TIME', 'CUSTOMS_TIME', 'COST', 'ONLINE_RATE', 'SATISFACTION', 'OTHER'] AS indicator
MERGE (i:Indicator {id: 'indicator:' + indicator}) SET i.name = indicator;
