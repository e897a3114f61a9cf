SELECT docstore_count('bench', '{"name": {"$regex": "^user1234"}}');
