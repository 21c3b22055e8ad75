-- 0002: redirects of merged networks. When two networks merge, the absorbed
-- one's ID keeps answering: it points at the survivor.
CREATE TABLE network_redirects (
    absorbed text COLLATE "C" PRIMARY KEY,
    survivor text COLLATE "C" NOT NULL
);
CREATE INDEX network_redirects_survivor ON network_redirects (survivor);
