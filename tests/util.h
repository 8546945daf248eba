/*
 * Helpers shared by the end-to-end tests: run a program, build a content
 * folder, list and hash an output tree, read a PDF's text.
 */
#ifndef KT_TEST_UTIL_H
#define KT_TEST_UTIL_H

#include <glib.h>

/* The generator under test: $KT_BIN, else generator/keukentafel. */
const char *t_kt(void);
#define KT t_kt()

/* Runs argv (NULL-terminated) with extra NAME, VALUE pairs in env. */
int t_run(const char *const *argv, const char *const *env, char **out,
    char **err);
/* keukentafel build -q -C content -o dest [extra...]; epoch may be NULL. */
int t_build(const char *content, const char *dest, const char *epoch,
    const char *const *extra, char **err);
/* Every file below dir, relative, sorted. */
GPtrArray *t_files(const char *dir);
/*
 * Every relative href and src of the pages in out that leads to no file,
 * as "page: target"; the caller frees it with g_ptr_array_free(a, TRUE).
 */
GPtrArray *t_dead_links(const char *out);
/* "sha256 path" lines for every file below dir. */
char *t_tree_digest(const char *dir);
/* The text of a PDF, or of one page (page 0: all). */
char *t_pdf_text(const char *path, int page);
/* pdftotext splits where glyphs are kerned: compare without spaces. */
gboolean t_contains(const char *hay, const char *needle);
/* What the QR code on page 1 of a PDF says, read as a phone would:
 * rendered at 150 dpi, decoded by zbarimg. NULL when there is none. */
char *t_qr(const char *pdf, const char *tmpdir);
/* The number of pages of a PDF. */
int t_pdf_pages(const char *path);
gint t_cmp_str(gconstpointer, gconstpointer);

#endif
