/*
 * The wrapper every job goes through. With no incremental state (a first
 * build) it only runs the job; the manifest is written all the same.
 */
#include "build/incr.h"

char *
kt_incr_key(const struct kt_incr *in, const struct kt_item *it,
    gboolean global_only)
{
	if (in == NULL)
		return g_strdup("");
	if (global_only)
		return g_strdup(in->global);
	if (it == NULL)
		return g_strconcat(in->global, ":", in->all, NULL);
	return g_strconcat(in->global, ":", (const char *)g_hash_table_lookup(
	    in->items, it), NULL);
}

char *
kt_incr_key_of(const struct kt_incr *in, GPtrArray *items)
{
	GChecksum *c;
	char *key;

	if (in == NULL)
		return g_strdup("");
	c = g_checksum_new(G_CHECKSUM_SHA256);
	for (guint i = 0; i < items->len; i++)
		g_checksum_update(c, (const guchar *)g_hash_table_lookup(
		    in->items, g_ptr_array_index(items, i)), -1);
	key = g_strconcat(in->global, ":", g_checksum_get_string(c), NULL);
	g_checksum_free(c);
	return key;
}

void
kt_incr_run(struct kt_incr *in, const char *job, const char *key,
    void (*fn)(void *), void *data)
{
	GPtrArray *files;

	if (in == NULL) {
		fn(data);
		return;
	}
	if (kt_manifest_reuse(in->prev, in->next, job, key))
		return;
	files = g_ptr_array_new_with_free_func(g_free);
	kt_writer_track(files);
	fn(data);
	kt_writer_track(NULL);
	kt_manifest_record(in->next, job, key, files);
}
