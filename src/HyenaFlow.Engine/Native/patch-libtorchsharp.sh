#!/bin/sh
# Makes TorchSharp's libLibTorchSharp.so loadable on hosts whose libstdc++ predates
# GCC 13 (no GLIBCXX_3.4.32), e.g. Debian 12. Called by HyenaFlow.Engine.Native.targets.
#
#   patch-libtorchsharp.sh <libLibTorchSharp.so from the package> <output folder> <shim.cpp>
#
# Output folder afterwards holds either nothing (host is new enough: nothing to do) or
#   libLibTorchSharp.so    the package's library with DT_NEEDED libstdc++.so.6 replaced
#                          by libhfstdcxxshim.so
#   libhfstdcxxshim.so     defines std::ios_base_library_init()@GLIBCXX_3.4.32, declares
#                          the other versions required, and needs the real libstdc++.so.6
# Needs (only when patching): g++, patchelf, objdump (binutils).
set -eu

source_lib=$1
out_dir=$2
shim_source=$3
shim_name=libhfstdcxxshim.so
missing_version=GLIBCXX_3.4.32

rm -rf "$out_dir"
mkdir -p "$out_dir"

host_stdcxx=$(/sbin/ldconfig -p 2>/dev/null | awk '/libstdc\+\+\.so\.6 .*x86-64/ { print $NF; exit }')
if [ -z "$host_stdcxx" ]; then
    host_stdcxx=$(g++ -print-file-name=libstdc++.so.6 2>/dev/null || true)
fi
if [ -z "$host_stdcxx" ] || [ ! -e "$host_stdcxx" ]; then
    echo "patch-libtorchsharp: cannot find the host's libstdc++.so.6; leaving TorchSharp as is" >&2
    exit 0
fi

# "objdump -p" lists the version definitions of a library as lines "N 0x00 0xHASH NAME".
host_versions=$(objdump -p "$host_stdcxx" | awk '/^Version definitions:/ { d = 1; next } /^Version References:/ { d = 0 } d && NF == 4 { print $4 }')
if printf '%s\n' "$host_versions" | grep -qx "$missing_version"; then
    exit 0 # new enough host: the package's library loads as it is
fi

for tool in g++ patchelf objdump; do
    command -v "$tool" >/dev/null 2>&1 || {
        echo "patch-libtorchsharp: error: '$tool' is required to make TorchSharp loadable with this host's libstdc++ (lacks $missing_version). Install it, e.g. apt-get install g++ patchelf binutils." >&2
        exit 1
    }
done

# Versions the library requires from libstdc++.so.6 ("required from libstdc++.so.6:" block).
required=$(objdump -p "$source_lib" | awk '
    /required from / { inside = ($3 == "libstdc++.so.6:"); next }
    /^$/ { inside = 0 }
    inside && NF == 4 { print $4 }')
unsupported=""
for version in $required; do
    if [ "$version" != "$missing_version" ] && ! printf '%s\n' "$host_versions" | grep -qx "$version"; then
        unsupported="$unsupported $version"
    fi
done
if [ -n "$unsupported" ]; then
    echo "patch-libtorchsharp: error: host libstdc++ ($host_stdcxx) also lacks:$unsupported; only $missing_version can be shimmed. Use a newer libstdc++." >&2
    exit 1
fi

script="$out_dir/shim.map"
{
    for version in $required; do
        if [ "$version" = "$missing_version" ]; then
            printf '%s { global: _ZSt21ios_base_library_initv; };\n' "$version"
        else
            printf '%s { };\n' "$version"
        fi
    done
    # Anything else the compiler emits stays private.
    printf 'HFSHIM_LOCAL { local: *; };\n'
} > "$script"

g++ -shared -fPIC -O2 -o "$out_dir/$shim_name" "$shim_source" \
    -Wl,--version-script="$script" -Wl,-soname,"$shim_name" \
    -Wl,--no-as-needed -lstdc++
cp "$source_lib" "$out_dir/libLibTorchSharp.so"
patchelf --replace-needed libstdc++.so.6 "$shim_name" "$out_dir/libLibTorchSharp.so"
rm -f "$script"
echo "patch-libtorchsharp: patched libLibTorchSharp.so for host libstdc++ without $missing_version"
