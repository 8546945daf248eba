/*
 * Shared by the fuzz targets: a small model (languages and pictogram
 * names, as the loaders need), and a scratch file in memory-backed
 * storage, since the loaders read files as a build does.
 */
#ifndef KT_FUZZ_COMMON_H
#define KT_FUZZ_COMMON_H

#include <glib.h>
#include <stdio.h>
#include <unistd.h>

#include "model/model.h"

static struct kt_model *
fuzz_model(void)
{
	struct kt_model *m = kt_model_new();
	static const char *const codes[] = { "nl", "en", "ar" };
	static const char *const pictos[] = { "praten", "denken", "vraag",
	    "handen", "trots" };

	for (size_t i = 0; i < G_N_ELEMENTS(codes); i++) {
		struct kt_language *l = g_new0(struct kt_language, 1);
		l->code = g_strdup(codes[i]);
		l->name = g_strdup(codes[i]);
		l->rtl = i == 2;
		g_ptr_array_add(m->site.languages, l);
	}
	for (size_t i = 0; i < G_N_ELEMENTS(pictos); i++)
		g_hash_table_insert(m->pictograms, g_strdup(pictos[i]),
		    kt_picto_new("x.svg", g_bytes_new_static("<svg/>", 6)));
	return m;
}

/* Writes data to dir/name (made once per process) and returns the path. */
static char *
fuzz_file(const char *name, const uint8_t *data, size_t size)
{
	static char *dir;
	char *path;

	if (dir == NULL) {
		dir = g_strdup_printf("%s/kt-fuzz-%d", g_file_test("/dev/shm",
		    G_FILE_TEST_IS_DIR) ? "/dev/shm" : g_get_tmp_dir(),
		    (int)getpid());
		g_mkdir_with_parents(dir, 0700);
	}
	path = g_build_filename(dir, name, NULL);
	g_file_set_contents(path, (const char *)data, (gssize)size, NULL);
	return path;
}

#endif
