/*
 * A class list: a pupil's name on each line, or a spreadsheet saved as
 * CSV (; , or tab between the fields, "quotes" around a field). The first
 * column is the name; a first line "naam" is a header. The family's
 * language is the column headed "taal", or without a header the second
 * column. Used by build --klas and by print.
 */
#ifndef KT_CLASSLIST_H
#define KT_CLASSLIST_H

#include <glib.h>

#include "diag.h"

struct kt_pupil {
	char *name;
	char *lang;		/* as written, or NULL: no language column */
	int line, col;		/* where lang is, for messages */
};

/* At most this many pupils in a class. */
#define KT_CLASS_MAX 200

/*
 * The pupils of path in order (struct kt_pupil *, freed with the array),
 * or NULL when it cannot be read; problems go to d. The caller frees it
 * with g_ptr_array_free(a, TRUE).
 */
GPtrArray *kt_class_read(const char *path, struct kt_diag *d);
/* The names of pupils, borrowed from them, in order; the caller frees the
 * array with g_ptr_array_free(a, TRUE). */
GPtrArray *kt_class_names(const GPtrArray *pupils);

/* Whether dir is out or a folder inside it. */
gboolean kt_path_inside(const char *dir, const char *out);

#endif
