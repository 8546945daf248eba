/*
 * keukentafel init DIR: a content folder of a school's own, made from
 * the templates (templates/init: site.yaml, an example of each kind, the
 * glossary and the format guide), so the program's clone is never edited.
 */
#ifndef KT_INIT_H
#define KT_INIT_H

/*
 * Copies the folder templates into dir, which must not exist or be empty.
 * Says what it made on stdout, or why not on stderr; returns the exit
 * status.
 */
int kt_cmd_init(const char *templates, const char *dir);

#endif
