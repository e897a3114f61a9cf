\set f random(1, 1000000)
UPDATE docstore.documents SET data = jsonb_set(data, '{flag}', to_jsonb(:f::int)) WHERE collection = 'bench' AND data @@ '$."group" >= 0';
