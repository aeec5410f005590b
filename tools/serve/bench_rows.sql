-- Generates the benchmark rows (tools/serve/make_bench_store.sh): 60 actors, 100,000
-- events over two years between them at 40 places, one mention each (evidence
-- borrowed from a fixture article), and 50,000 quotes assembled from invented
-- phrases. Deterministic: every choice is arithmetic on the row number.
CREATE TEMP TABLE b_actor (n INTEGER PRIMARY KEY, name, type, country, sector);
INSERT INTO b_actor (name, type, country, sector) VALUES
 ('Russia','GPE','RUS','GOV'),('North Korea','GPE','PRK','GOV'),('South Korea','GPE','KOR','GOV'),('Japan','GPE','JPN','GOV'),
 ('China','GPE','CHN','GOV'),('India','GPE','IND','GOV'),('Ukraine','GPE','UKR','GOV'),('United States','GPE','USA','GOV'),
 ('France','GPE','FRA','GOV'),('Germany','GPE','DEU','GOV'),('United Kingdom','GPE','GBR','GOV'),('Turkey','GPE','TUR','GOV'),
 ('Iran','GPE','IRN','GOV'),('Israel','GPE','ISR','GOV'),('Egypt','GPE','EGY','GOV'),('Brazil','GPE','BRA','GOV'),
 ('Mexico','GPE','MEX','GOV'),('Nigeria','GPE','NGA','GOV'),('South Africa','GPE','ZAF','GOV'),('Australia','GPE','AUS','GOV'),
 ('Russian army','ORG','RUS','MIL'),('Korean People''s Army','ORG','PRK','MIL'),('Chinese navy','ORG','CHN','MIL'),
 ('Indian army','ORG','IND','MIL'),('Ukrainian army','ORG','UKR','MIL'),('US Navy','ORG','USA','MIL'),
 ('Israeli army','ORG','ISR','MIL'),('Turkish army','ORG','TUR','MIL'),('Iranian guards','ORG','IRN','MIL'),
 ('French army','ORG','FRA','MIL'),('United Nations','ORG','UNO','IGO'),('European Union','ORG','EUR','IGO'),
 ('African Union','ORG','AFR','IGO'),('Red Cross','ORG','INT','NGO'),('World Bank','ORG','INT','IGO'),
 ('Anna Berg','PERSON','DEU','GOV'),('Tomas Novak','PERSON','FRA','GOV'),('Li Wen','PERSON','CHN','GOV'),
 ('Ravi Menon','PERSON','IND','GOV'),('Olena Shevchuk','PERSON','UKR','GOV'),('John Carter','PERSON','USA','GOV'),
 ('Maria Lopes','PERSON','BRA','GOV'),('Yusuf Demir','PERSON','TUR','GOV'),('Sara Cohen','PERSON','ISR','GOV'),
 ('Ali Rahimi','PERSON','IRN','GOV'),('Kenji Sato','PERSON','JPN','GOV'),('Min-jun Park','PERSON','KOR','GOV'),
 ('Ivan Petrov','PERSON','RUS','GOV'),('Chol Ri','PERSON','PRK','GOV'),('Amaka Obi','PERSON','NGA','GOV'),
 ('Thabo Mokoena','PERSON','ZAF','GOV'),('Grace Walker','PERSON','AUS','GOV'),('Hassan Farouk','PERSON','EGY','GOV'),
 ('Elena Ruiz','PERSON','MEX','GOV'),('James Hale','PERSON','GBR','GOV'),('Nadia Haddad','PERSON','INT','NGO'),
 ('Pierre Dumont','PERSON','EUR','IGO'),('Kwame Mensah','PERSON','AFR','IGO'),('Ines Costa','PERSON','UNO','IGO'),
 ('Viktor Orlov','PERSON','RUS','MIL');
INSERT INTO actors (id, name, type, country, sector, code, key, first_seen, last_seen, mention_count, document_count)
  SELECT 2000 + n, name, type, country, sector, country || sector, 'bench:' || lower(name), '2023-01-01', '2024-12-30',
         1000 + n, 100 + n FROM b_actor;
INSERT INTO actor_aliases (actor_id, key, alias, count)
  SELECT 2000 + n, 'bench:' || lower(substr(name, instr(name, ' ') + 1)), substr(name, instr(name, ' ') + 1), 5
  FROM b_actor WHERE type = 'PERSON';
INSERT INTO actor_roles (actor_id, role, country, first_seen, last_seen, doc_id)
  SELECT 2000 + n, CASE n % 4 WHEN 0 THEN 'foreign minister' WHEN 1 THEN 'spokesperson' WHEN 2 THEN 'defence minister'
         ELSE 'envoy' END, country, '2023-01-01', '2024-12-30', (SELECT id FROM documents LIMIT 1)
  FROM b_actor WHERE type = 'PERSON';

-- CAMEO roots with a code, quad class, Goldstein weight and PLOVER category each.
CREATE TEMP TABLE b_code (n INTEGER PRIMARY KEY, cameo, root, quad, goldstein, plover);
INSERT INTO b_code (cameo, root, quad, goldstein, plover) VALUES
 ('010','01',1,0.0,'AGREE'),('020','02',1,3.0,'REQUEST'),('036','03',1,4.0,'AGREE'),('040','04',1,1.0,'CONSULT'),
 ('043','04',1,2.8,'CONSULT'),('051','05',1,3.4,'SUPPORT'),('061','06',2,6.4,'COOPERATE'),('073','07',2,7.4,'AID'),
 ('081','08',2,5.0,'CONCEDE'),('090','09',3,-2.0,'INVESTIGATE'),('111','11',3,-2.0,'DISAPPROVE'),
 ('112','11',3,-2.0,'ACCUSE'),('120','12',3,-4.0,'REJECT'),('130','13',3,-4.4,'THREATEN'),('141','14',3,-6.5,'PROTEST'),
 ('150','15',4,-7.2,'MOBILIZE'),('163','16',4,-8.0,'SANCTION'),('173','17',4,-5.0,'COERCE'),('183','18',4,-10.0,'ASSAULT'),
 ('190','19',4,-10.0,'FIGHT');
CREATE TEMP TABLE b_place (n INTEGER PRIMARY KEY, name, country, lat, lon);
INSERT INTO b_place (name, country, lat, lon) VALUES
 ('Moscow','RUS',55.76,37.62),('Pyongyang','PRK',39.03,125.75),('Seoul','KOR',37.57,126.98),('Tokyo','JPN',35.68,139.69),
 ('Beijing','CHN',39.90,116.40),('New Delhi','IND',28.61,77.21),('Kyiv','UKR',50.45,30.52),('Washington','USA',38.90,-77.04),
 ('Paris','FRA',48.86,2.35),('Berlin','DEU',52.52,13.40),('London','GBR',51.51,-0.13),('Ankara','TUR',39.93,32.86),
 ('Tehran','IRN',35.69,51.39),('Jerusalem','ISR',31.77,35.21),('Cairo','EGY',30.04,31.24),('Brasilia','BRA',-15.79,-47.88),
 ('Mexico City','MEX',19.43,-99.13),('Abuja','NGA',9.08,7.40),('Pretoria','ZAF',-25.75,28.19),('Canberra','AUS',-35.28,149.13),
 ('Vladivostok','RUS',43.12,131.89),('Kharkiv','UKR',49.99,36.23),('Odesa','UKR',46.48,30.72),('Shanghai','CHN',31.23,121.47),
 ('Mumbai','IND',19.08,72.88),('Busan','KOR',35.18,129.08),('Osaka','JPN',34.69,135.50),('New York','USA',40.71,-74.01),
 ('Geneva','CHE',46.20,6.14),('Brussels','BEL',50.85,4.35),('Istanbul','TUR',41.01,28.98),('Gaza','PSE',31.50,34.47),
 ('Lagos','NGA',6.52,3.38),('Johannesburg','ZAF',-26.20,28.05),('Sydney','AUS',-33.87,151.21),('Rio de Janeiro','BRA',-22.91,-43.17),
 ('Alexandria','EGY',31.20,29.92),('Isfahan','IRN',32.65,51.67),('Ladakh','IND',34.15,77.58),('Vostochny Cosmodrome','RUS',51.88,128.33);

CREATE TEMP TABLE b_n AS WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 100000) SELECT n FROM c;
CREATE TEMP TABLE b_event AS
  SELECT n, 1 + (n * 7919) % 60 AS s, 1 + ((n * 104729 + 13) % 59 + (n * 7919) % 60 + 1) % 60 AS t,
         1 + (n * 31 + n / 7) % 20 AS c, 1 + (n * 13) % 40 AS p,
         date('2023-01-01', '+' || ((n * 37) % 730) || ' days') AS d
  FROM b_n;
INSERT INTO events (id, cameo, root, quad, goldstein, plover, source_actor_id, source_code, source_country,
                    target_actor_id, target_code, target_country, date, place_name, place_country, lat, lon,
                    mention_count, document_count, source_count, source_name, target_name, first_mention)
  SELECT printf('b-%06d', e.n), c.cameo, c.root, c.quad, c.goldstein, c.plover,
         2000 + sa.n, sa.country || sa.sector, sa.country, 2000 + ta.n, ta.country || ta.sector, ta.country, e.d,
         p.name, p.country, p.lat + ((e.n % 7) - 3) * 0.01, p.lon + ((e.n % 5) - 2) * 0.01, 1 + e.n % 5, 1 + e.n % 3,
         1 + e.n % 2, sa.name, ta.name,
         (SELECT id FROM documents WHERE instr(text, 'Vostochny') > 0) || '#b' || printf('b-%06d', e.n)
  FROM b_event e JOIN b_actor sa ON sa.n = e.s JOIN b_actor ta ON ta.n = e.t JOIN b_code c ON c.n = e.c
  JOIN b_place p ON p.n = e.p;
INSERT INTO event_mentions (id, doc_id, ordinal, event_id, cameo, root, quad, goldstein, plover, source_actor_id,
                            source_code, source_country, source_text, target_actor_id, target_code, target_country,
                            target_text, date, place_name, place_country, lat, lon, modality, cue_start, cue_end, cue,
                            evidence_start, evidence_end, evidence, confidence)
  SELECT m.doc_id || '#b' || e.id, m.doc_id, 100000 + substr(e.id, 3), e.id, e.cameo, e.root, e.quad, e.goldstein,
         e.plover, e.source_actor_id, e.source_code, e.source_country, sa.name, e.target_actor_id, e.target_code,
         e.target_country, ta.name, e.date, e.place_name, e.place_country, e.lat, e.lon, 'asserted', m.cue_start,
         m.cue_end, m.cue, m.evidence_start, m.evidence_end, m.evidence, 0.8
  FROM events e JOIN actors sa ON sa.id = e.source_actor_id JOIN actors ta ON ta.id = e.target_actor_id
  JOIN event_mentions m ON m.id = (SELECT id FROM event_mentions WHERE event_id = 'fx-e1')
  WHERE e.id LIKE 'b-%';

CREATE TEMP TABLE b_word (n INTEGER PRIMARY KEY, a, b, c);
INSERT INTO b_word (a, b, c) VALUES
 ('We will','support','the ceasefire talks'),('Our country cannot','accept','these sanctions'),
 ('The government will','reject','any foreign pressure'),('We are ready to','discuss','a new trade agreement'),
 ('Nobody should','ignore','the humanitarian crisis'),('Our partners must','respect','the border agreement'),
 ('The ministry will','review','the nuclear programme'),('We strongly','condemn','the missile launch'),
 ('The people will','remember','this historic summit'),('We hope to','restore','stable energy supplies'),
 ('Our navy will','protect','the shipping lanes'),('The council should','fund','the reconstruction effort'),
 ('We do not','want','another refugee wave'),('Our envoy will','negotiate','the prisoner exchange'),
 ('The army is ready to','defend','every village'),('We will never','abandon','our allies'),
 ('The union must','expand','its peacekeeping mission'),('Our scientists will','share','the vaccine research'),
 ('We firmly','oppose','the military drills'),('The delegation will','sign','the grain deal');
INSERT INTO quotes (id, doc_id, ordinal, kind, start, end, text, cue_start, cue_end, cue, speaker_entity,
                    speaker_actor_id, speaker_name, confidence, date)
  SELECT 100000 + x.n, (SELECT id FROM documents WHERE instr(text, 'Vostochny') > 0), 100000 + x.n,
         CASE x.n % 3 WHEN 0 THEN 'direct' WHEN 1 THEN 'indirect' ELSE 'partial' END, 0, 10,
         w1.a || ' ' || w2.b || ' ' || w3.c || ', ' || lower(w4.a) || ' ' || w5.b || ' ' || w6.c || '.',
         NULL, NULL, 'said', NULL, 2000 + 36 + (x.n * 17) % 25, (SELECT name FROM actors WHERE id = 2000 + 36 + (x.n * 17) % 25),
         0.8, date('2023-01-01', '+' || ((x.n * 53) % 730) || ' days')
  FROM b_n x JOIN b_word w1 ON w1.n = 1 + x.n % 20 JOIN b_word w2 ON w2.n = 1 + (x.n / 20) % 20
  JOIN b_word w3 ON w3.n = 1 + (x.n / 400) % 20 JOIN b_word w4 ON w4.n = 1 + (x.n * 7) % 20
  JOIN b_word w5 ON w5.n = 1 + (x.n * 11) % 20 JOIN b_word w6 ON w6.n = 1 + (x.n * 3 + 5) % 20
  WHERE x.n <= 50000;

INSERT INTO quotes_fts (quotes_fts) VALUES ('rebuild');
INSERT INTO actors_fts (rowid, name, aliases)
  SELECT a.id, a.name, coalesce((SELECT group_concat(alias, ' | ') FROM actor_aliases WHERE actor_id = a.id), '')
  FROM actors a WHERE a.id > 2000;
ANALYZE;
