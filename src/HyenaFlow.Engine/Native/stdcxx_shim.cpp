// A stand-in for the one libstdc++ symbol of GCC 13+ that TorchSharp 0.107's
// libLibTorchSharp.so needs and that older system libraries (Debian 12: GCC 12) lack.
//
// GCC 13 moved the std::cout/std::cin initialisation out of every translation unit into
// this function; in GCC 12's libstdc++ the streams are initialised by the library
// itself, so an empty body is correct there. The version script built beside this file
// exports the symbol as GLIBCXX_3.4.32 and declares every other version node that
// libLibTorchSharp.so asks of "its" libstdc++, so the dynamic loader accepts this shim
// in that role; all real symbols still resolve to the system libstdc++, which the shim
// links.
namespace std
{
    void ios_base_library_init() {}
}
