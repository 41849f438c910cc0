/*
 * A stand-in for bcryptprimitives.dll, for running the Windows build under
 * wine 8 (Debian 12), which lacks it. Rust's standard library asks it for
 * random bytes (ProcessPrng, Windows 10 and later). This gives them from
 * RtlGenRandom. Used only by scripts/windows-check.sh, and only when wine
 * has no bcryptprimitives.dll of its own; never shipped.
 */
#include <windows.h>
#include <ntsecapi.h>

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
    while (len > 0) {
        ULONG n = len > 0x40000000 ? 0x40000000 : (ULONG)len;
        if (!RtlGenRandom(data, n))
            return FALSE;
        data += n;
        len -= n;
    }
    return TRUE;
}
