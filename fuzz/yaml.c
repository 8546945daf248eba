/* The YAML layer: any bytes give a tree or a diagnostic, never a crash. */
#include <stdint.h>

#include "diag.h"
#include "load/yaml.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct kt_diag *d = kt_diag_new();
	gboolean empty;
	struct kt_ynode *n = kt_yaml_parse((const char *)data, size, "f.md", 2,
	    d, &empty);

	kt_ynode_free(n);
	kt_diag_free(d);
	return 0;
}
