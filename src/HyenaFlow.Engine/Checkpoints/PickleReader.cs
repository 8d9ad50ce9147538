using System.Buffers.Binary;
using System.Globalization;
using System.Numerics;
using System.Text;
using static TorchSharp.torch;

namespace HyenaFlow.Engine.Checkpoints;

/// <summary>
/// A minimal unpickler for torch.save's data.pkl: it builds dicts, lists, tuples, scalars and
/// strings; recognises OrderedDict, tensors (_rebuild_tensor_v2, _rebuild_parameter) and
/// storages; and turns every other class into an inert <see cref="PickleOpaque"/> instead of
/// running code, so checkpoints with foreign extras (OmegaConf configs, Lightning state) read.
/// </summary>
internal sealed class PickleReader
{
    private static readonly object Mark = new();

    private readonly byte[] data;
    private int position;
    private readonly List<object?> stack = [];
    private readonly Dictionary<long, object?> memo = [];

    private PickleReader(byte[] data) => this.data = data;

    public static object? Load(byte[] pickle) => new PickleReader(pickle).Run();

    private object? Run()
    {
        while (true)
        {
            var opcode = ReadByte();
            switch (opcode)
            {
                case 0x80: ReadByte(); break;                                  // PROTO
                case 0x95: Skip(8); break;                                     // FRAME
                case (byte)'.': return Pop();                                  // STOP
                case (byte)'(': stack.Add(Mark); break;                        // MARK
                case (byte)'}': stack.Add(new PickleDict()); break;            // EMPTY_DICT
                case (byte)'d': stack.Add(DictOf(PopMark())); break;           // DICT
                case (byte)']': stack.Add(new List<object?>()); break;         // EMPTY_LIST
                case (byte)'l': stack.Add(PopMark()); break;                   // LIST
                case (byte)')': stack.Add(Array.Empty<object?>()); break;      // EMPTY_TUPLE
                case (byte)'t': stack.Add(PopMark().ToArray()); break;         // TUPLE
                case 0x85: stack.Add(new[] { Pop() }); break;                  // TUPLE1
                case 0x86: { var b = Pop(); var a = Pop(); stack.Add(new[] { a, b }); break; }
                case 0x87: { var c = Pop(); var b = Pop(); var a = Pop(); stack.Add(new[] { a, b, c }); break; }
                case 0x8f: stack.Add(new List<object?>()); break;              // EMPTY_SET
                case 0x90: { var items = PopMark(); ((List<object?>)Peek()!).AddRange(items); break; } // ADDITEMS
                case 0x91: stack.Add(PopMark()); break;                        // FROZENSET
                case (byte)'N': stack.Add(null); break;
                case 0x88: stack.Add(true); break;
                case 0x89: stack.Add(false); break;
                case (byte)'J': stack.Add((long)BinaryPrimitives.ReadInt32LittleEndian(Take(4))); break;
                case (byte)'K': stack.Add((long)ReadByte()); break;
                case (byte)'M': stack.Add((long)BinaryPrimitives.ReadUInt16LittleEndian(Take(2))); break;
                case 0x8a: stack.Add(LittleEndianInteger(Take(ReadByte()))); break;            // LONG1
                case 0x8b: stack.Add(LittleEndianInteger(Take(ReadInt32()))); break;           // LONG4
                case (byte)'I': stack.Add(ParseTextInteger(ReadLine())); break;                // INT
                case (byte)'L': stack.Add(ParseTextInteger(ReadLine().TrimEnd('L'))); break;   // LONG
                case (byte)'G': stack.Add(BinaryPrimitives.ReadDoubleBigEndian(Take(8))); break;
                case (byte)'F': stack.Add(double.Parse(ReadLine(), CultureInfo.InvariantCulture)); break;
                case (byte)'X': stack.Add(Utf8(ReadInt32())); break;                           // BINUNICODE
                case 0x8c: stack.Add(Utf8(ReadByte())); break;                                 // SHORT_BINUNICODE
                case 0x8d: stack.Add(Utf8(checked((int)ReadInt64()))); break;                  // BINUNICODE8
                case (byte)'V': stack.Add(ReadLine()); break;                                  // UNICODE
                case (byte)'T': stack.Add(Latin1(ReadInt32())); break;                         // BINSTRING
                case (byte)'U': stack.Add(Latin1(ReadByte())); break;                          // SHORT_BINSTRING
                case (byte)'S': stack.Add(ReadLine().Trim('\'', '"')); break;                  // STRING
                case (byte)'B': stack.Add(Take(ReadInt32()).ToArray()); break;                 // BINBYTES
                case (byte)'C': stack.Add(Take(ReadByte()).ToArray()); break;                  // SHORT_BINBYTES
                case 0x8e or 0x96: stack.Add(Take(checked((int)ReadInt64())).ToArray()); break; // BINBYTES8, BYTEARRAY8
                case (byte)'c': stack.Add(new PickleGlobal(ReadLine(), ReadLine())); break;    // GLOBAL
                case 0x93: { var name = (string)Pop()!; var module = (string)Pop()!; stack.Add(new PickleGlobal(module, name)); break; }
                case (byte)'R': { var args = Pop(); var callable = Pop(); stack.Add(Reduce(callable, args)); break; }
                case 0x81: { var args = Pop(); var type = Pop(); stack.Add(Instantiate(type, args)); break; }              // NEWOBJ
                case 0x92: { Pop(); var args = Pop(); var type = Pop(); stack.Add(Instantiate(type, args)); break; }       // NEWOBJ_EX
                case (byte)'b': { var state = Pop(); Build(Peek(), state); break; }                                      // BUILD
                case (byte)'Q': stack.Add(PersistentLoad(Pop())); break;                                                   // BINPERSID
                case (byte)'p': memo[ParseTextInteger(ReadLine())] = Peek(); break;                                        // PUT
                case (byte)'q': memo[ReadByte()] = Peek(); break;                                                          // BINPUT
                case (byte)'r': memo[(uint)ReadInt32()] = Peek(); break;                                                   // LONG_BINPUT
                case 0x94: memo[memo.Count] = Peek(); break;                                                               // MEMOIZE
                case (byte)'g': stack.Add(memo[ParseTextInteger(ReadLine())]); break;                                      // GET
                case (byte)'h': stack.Add(memo[ReadByte()]); break;                                                        // BINGET
                case (byte)'j': stack.Add(memo[(uint)ReadInt32()]); break;                                                 // LONG_BINGET
                case (byte)'a': { var item = Pop(); Append(Peek(), [item]); break; }                                       // APPEND
                case (byte)'e': { var items = PopMark(); Append(Peek(), items); break; }                                   // APPENDS
                case (byte)'s': { var value = Pop(); var key = Pop(); SetItems(Peek(), [key, value]); break; }             // SETITEM
                case (byte)'u': { var items = PopMark(); SetItems(Peek(), items); break; }                                 // SETITEMS
                case (byte)'0': Pop(); break;                                                                              // POP
                case (byte)'1': PopMark(); break;                                                                          // POP_MARK
                case (byte)'2': stack.Add(Peek()); break;                                                                  // DUP
                default:
                    throw new InvalidDataException($"Unsupported pickle opcode 0x{opcode:x2} at byte {position - 1}.");
            }
        }
    }

    private static object? Reduce(object? callable, object? args)
    {
        var arguments = args as object?[] ?? [];
        if (callable is not PickleGlobal global) return new PickleOpaque(new PickleGlobal("?", "?"), args);
        switch (global.FullName)
        {
            case "collections.OrderedDict":
            case "builtins.dict":
                return new PickleDict();
            case "torch._utils._rebuild_tensor_v2":
            case "torch._utils._rebuild_tensor":
                return new PickleTensor(
                    (PickleStorage)arguments[0]!,
                    (long)arguments[1]!,
                    Longs(arguments[2]),
                    Longs(arguments[3]));
            case "torch._utils._rebuild_parameter":
            case "torch._utils._rebuild_parameter_with_state":
                return arguments[0];
            default:
                return new PickleOpaque(global, args);
        }
    }

    private static object Instantiate(object? type, object? args) =>
        type is PickleGlobal { FullName: "collections.OrderedDict" or "builtins.dict" }
            ? new PickleDict()
            : new PickleOpaque(type as PickleGlobal ?? new PickleGlobal("?", "?"), args);

    private static void Build(object? target, object? state)
    {
        if (target is PickleOpaque opaque) opaque.State = state;
        // Tensors, dicts and the like carry nothing in their state that a state dict needs.
    }

    private static object PersistentLoad(object? pid)
    {
        // torch.save: ('storage', storage_type, key, location, numel)
        if (pid is not object?[] { Length: >= 3 } tuple || tuple[0] as string != "storage")
            throw new InvalidDataException("Unrecognised persistent id in data.pkl; expected a torch storage.");
        var type = tuple[1] as PickleGlobal ?? throw new InvalidDataException("Storage without a type in data.pkl.");
        var key = tuple[2]?.ToString() ?? throw new InvalidDataException("Storage without a key in data.pkl.");
        return new PickleStorage(key, StorageDtype(type));
    }

    private static ScalarType StorageDtype(PickleGlobal type) => type.Name switch
    {
        "FloatStorage" => ScalarType.Float32,
        "DoubleStorage" => ScalarType.Float64,
        "HalfStorage" => ScalarType.Float16,
        "BFloat16Storage" => ScalarType.BFloat16,
        "LongStorage" => ScalarType.Int64,
        "IntStorage" => ScalarType.Int32,
        "ShortStorage" => ScalarType.Int16,
        "CharStorage" => ScalarType.Int8,
        "ByteStorage" or "UntypedStorage" => ScalarType.Byte,
        "BoolStorage" => ScalarType.Bool,
        _ => throw new InvalidDataException($"Unsupported storage type {type.FullName} in data.pkl."),
    };

    private static void Append(object? target, IReadOnlyList<object?> items)
    {
        switch (target)
        {
            case List<object?> list: list.AddRange(items); break;
            case PickleOpaque opaque: opaque.Items.AddRange(items); break;
            default: throw new InvalidDataException($"Pickle APPEND on a {target?.GetType().Name ?? "None"}.");
        }
    }

    private static void SetItems(object? target, IReadOnlyList<object?> keysAndValues)
    {
        var dict = target switch
        {
            PickleDict d => d,
            PickleOpaque opaque => opaque.Entries,
            _ => throw new InvalidDataException($"Pickle SETITEM on a {target?.GetType().Name ?? "None"}."),
        };
        for (var i = 0; i + 1 < keysAndValues.Count; i += 2) dict.Set(keysAndValues[i], keysAndValues[i + 1]);
    }

    private static PickleDict DictOf(IReadOnlyList<object?> keysAndValues)
    {
        var dict = new PickleDict();
        SetItems(dict, keysAndValues);
        return dict;
    }

    private static long[] Longs(object? tuple) =>
        (tuple as object?[] ?? throw new InvalidDataException("Expected a tuple of integers in data.pkl."))
        .Select(v => v is long l ? l : throw new InvalidDataException("Expected an integer in a tensor shape or stride.")).ToArray();

    private static object LittleEndianInteger(ReadOnlySpan<byte> bytes)
    {
        var value = new BigInteger(bytes, isUnsigned: false, isBigEndian: false);
        return value >= long.MinValue && value <= long.MaxValue ? (long)value : value;
    }

    private static long ParseTextInteger(string text) => text switch
    {
        "00" => 0,
        "01" => 1,
        _ => long.Parse(text, CultureInfo.InvariantCulture),
    };

    private object? Pop()
    {
        if (stack.Count == 0) throw new InvalidDataException("Pickle stack underflow.");
        var top = stack[^1];
        stack.RemoveAt(stack.Count - 1);
        return top;
    }

    private object? Peek() => stack.Count > 0 ? stack[^1] : throw new InvalidDataException("Pickle stack underflow.");

    private List<object?> PopMark()
    {
        var markIndex = stack.LastIndexOf(Mark);
        if (markIndex < 0) throw new InvalidDataException("Pickle MARK missing.");
        var items = stack.GetRange(markIndex + 1, stack.Count - markIndex - 1);
        stack.RemoveRange(markIndex, stack.Count - markIndex);
        return items;
    }

    private byte ReadByte() => Take(1)[0];

    private int ReadInt32() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));

    private long ReadInt64() => BinaryPrimitives.ReadInt64LittleEndian(Take(8));

    private string Utf8(int length) => Encoding.UTF8.GetString(Take(length));

    private string Latin1(int length) => Encoding.Latin1.GetString(Take(length));

    private string ReadLine()
    {
        var end = Array.IndexOf(data, (byte)'\n', position);
        if (end < 0) throw new InvalidDataException("Unterminated line in pickle.");
        var line = Encoding.UTF8.GetString(data, position, end - position);
        position = end + 1;
        return line;
    }

    private void Skip(int count) => Take(count);

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count < 0 || position + count > data.Length) throw new InvalidDataException("Pickle data ends early.");
        var span = data.AsSpan(position, count);
        position += count;
        return span;
    }
}
