#include "base/binary_io.h"
