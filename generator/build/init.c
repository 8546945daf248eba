/*
 * init: copies the template folder into a new content folder, file by
 * file (a link in the templates, such as README.md to the format guide in
 * the source tree, is copied as the file it points to), and then says
 * what to do next. It never writes into a folder that holds anything.
 */
#include "build/init.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>

/* Whether dir holds nothing: it may exist, empty, or not at all. */
static gboolean
empty_or_missing(const char *dir)
{
	GDir *d;
	gboolean empty;

	if (!g_file_test(dir, G_FILE_TEST_EXISTS))
		return TRUE;
	if ((d = g_dir_open(dir, 0, NULL)) == NULL)
		return FALSE;
	empty = g_dir_read_name(d) == NULL;
	g_dir_close(d);
	return empty;
}

/* Copies the tree from into to (made if missing); FALSE after saying why. */
static gboolean
copy_tree(const char *from, const char *to)
{
	GError *err = NULL;
	GDir *d = g_dir_open(from, 0, &err);
	const char *name;
	gboolean ok = d != NULL;

	if (ok && g_mkdir_with_parents(to, 0755) != 0) {
		fprintf(stderr, "keukentafel: cannot make %s: %s\n", to,
		    g_strerror(errno));
		ok = FALSE;
	}
	while (ok && (name = g_dir_read_name(d)) != NULL) {
		char *src = g_build_filename(from, name, NULL);
		char *dst = g_build_filename(to, name, NULL);
		char *data;
		gsize len;

		if (g_file_test(src, G_FILE_TEST_IS_DIR))
			ok = copy_tree(src, dst);
		else if (!g_file_get_contents(src, &data, &len, &err))
			ok = FALSE;
		else {
			ok = g_file_set_contents(dst, data, (gssize)len, &err);
			g_free(data);
		}
		g_free(src);
		g_free(dst);
	}
	if (err != NULL)
		fprintf(stderr, "keukentafel: %s\n", err->message);
	g_clear_error(&err);
	if (d != NULL)
		g_dir_close(d);
	return ok;
}

int
kt_cmd_init(const char *templates, const char *dir)
{
	if (!g_file_test(templates, G_FILE_TEST_IS_DIR)) {
		fprintf(stderr, "keukentafel: the templates are not in %s; run "
		    "keukentafel from its source folder, or 'make install'\n",
		    templates);
		return 1;
	}
	if (!empty_or_missing(dir)) {
		fprintf(stderr, "keukentafel: %s already exists and is not "
		    "empty; init makes a new folder: give a name that is not "
		    "in use, such as %s-lob\n", dir, dir);
		return 1;
	}
	if (!copy_tree(templates, dir)) {
		fprintf(stderr, "keukentafel: %s is not complete; remove it "
		    "and try again\n", dir);
		return 1;
	}
	printf("keukentafel: made %s/ with site.yaml, an assignment, an "
	    "evening, a tip, a talk guide, the glossary and README.md (the "
	    "format).\n"
	    "Next: write your school's name and web address in %s/site.yaml, "
	    "then\n"
	    "  keukentafel check -C %s\n"
	    "  keukentafel build -C %s -o %s-site\n"
	    "  keukentafel new opdracht mijn-opdracht -C %s\n", dir, dir, dir,
	    dir, dir, dir);
	return 0;
}
