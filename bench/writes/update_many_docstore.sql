\set f random(1, 1000000)
SELECT docstore_update_many('bench', '{"group": {"$gte": 0}}', jsonb_build_object('$set', jsonb_build_object('flag', :f::int)));
