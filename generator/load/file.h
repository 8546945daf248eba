/*
 * Reading content files: only regular files inside the content folder, at
 * most KT_MAX_FILE bytes, valid UTF-8 without control characters; a
 * byte-order mark is dropped and CRLF becomes LF, keeping line numbers.
 * Then the front matter is split from the Markdown body.
 */
#ifndef KT_FILE_H
#define KT_FILE_H

#include <glib.h>

#include "diag.h"

#define KT_MAX_FILE ((gsize)1024 * 1024)

/*
 * Reads path (shown as such in diagnostics). root, when not NULL, is the
 * folder the file must stay inside, after following links.
 * Returns the normalised text (the caller frees it with g_free), or NULL
 * after reporting why.
 */
char *kt_read_text(const char *path, const char *root, struct kt_diag *,
    size_t *len);

/* Is path, after following links, inside the folder root? */
gboolean kt_inside(const char *path, const char *root);
/*
 * The same, every part of the path resolved each time (kt_inside trusts
 * the folder of its last answer): for folders that change while the
 * program runs. FALSE also for a path that does not exist.
 */
gboolean kt_resolves_inside(const char *path, const char *root);

struct kt_front {
	const char *yaml;	/* points into the text */
	size_t yaml_len;
	int yaml_line;		/* file line of the first YAML line */
	const char *body;
	int body_line;		/* file line of the first body line */
};

/* Splits "---\nfields\n---\nbody". Reports and returns FALSE if it can't. */
gboolean kt_split_front(const char *path, const char *text,
    struct kt_diag *, struct kt_front *);

#endif
