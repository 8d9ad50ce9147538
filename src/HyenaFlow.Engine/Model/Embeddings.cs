using TorchSharp.Modules;
using static TorchSharp.torch;

namespace HyenaFlow.Engine.Model;

/// <summary>Token embeddings only (HyenaDNA has no positional embedding); vocabulary padded to 16 rows.</summary>
public sealed class Embeddings : nn.Module<Tensor, Tensor>
{
    private readonly Embedding wordEmbeddings;

    // Children are registered explicitly under the official state-dict names; TorchSharp's
    // default would add every field again under its C# name.
    protected override void RegisterComponents() { }

    public Embeddings(HyenaDnaConfig config) : base(nameof(Embeddings))
    {
        wordEmbeddings = nn.Embedding(config.PaddedVocabSize, config.ModelWidth);
        register_module("word_embeddings", wordEmbeddings);
    }

    /// <summary>The embedding matrix E (vocab × d), also the tied LM-head weight.</summary>
    public Tensor Weight => wordEmbeddings.weight!;

    public override Tensor forward(Tensor inputIds) => wordEmbeddings.forward(inputIds);
}
