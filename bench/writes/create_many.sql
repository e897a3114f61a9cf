SELECT count(*) FROM docstore_create_many('many', (SELECT docs FROM batch));
