SELECT count(*) FROM docstore.documents WHERE collection = 'bench' AND docstore.path_values(data, '["name"]') @@ '$.candidates[*] ? (@ like_regex "^user1234")';
