using HyenaFlow.Engine.Model;
using HyenaFlow.Engine.Tests.Support;

namespace HyenaFlow.Engine.Tests;

public class ModelTests(HyenaFixture fixture) : IClassFixture<HyenaFixture>
{
    [Fact]
    public void StateDictKeysAndShapesAreTheOfficialOnes()
    {
        using var model = new HyenaDnaModel(HyenaDnaConfig.Tiny1K, classCount: 2);
        var state = model.state_dict();
        Assert.Equal(fixture.ExpectedShapes.Keys.Order(), state.Keys.Order());
        foreach (var (key, shape) in fixture.ExpectedShapes) Assert.Equal(shape, state[key].shape);
    }

    [Fact]
    public void ParameterCountsMatchThePublishedFigures()
    {
        using var tiny = new HyenaDnaModel(HyenaDnaConfig.Tiny1K, classCount: 2);
        Assert.Equal(436_096, tiny.BackboneParameterCount);
        Assert.Equal(436_354, tiny.ParameterCount);
        Assert.Equal(tiny.ParameterCount, HyenaDnaConfig.Tiny1K.ParameterCount(classCount: 2));

        using var small = new HyenaDnaModel(HyenaDnaConfig.Small32K);
        Assert.Equal(3_277_568, small.ParameterCount);
        Assert.Equal(small.ParameterCount, HyenaDnaConfig.Small32K.ParameterCount());
        Assert.Equal(6_550_528, HyenaDnaConfig.Large1M.ParameterCount());
    }

    [Fact]
    public void TheSharedSinFrequencyIsOneParameterWithoutWeightDecay()
    {
        using var model = new HyenaDnaModel(HyenaDnaConfig.Tiny1K);
        var names = model.UniqueParameters().Select(p => p.Name).ToList();
        Assert.Contains("backbone.layers.0.mixer.filter_fn.implicit_filter.1.freq", names);
        Assert.DoesNotContain("backbone.layers.0.mixer.filter_fn.implicit_filter.3.freq", names);

        var (decay, noDecay) = model.ParameterGroups();
        Assert.Equal(2 * (384 + 4160 + 4160 + 8192 + 64), noDecay.Sum(p => p.numel()));
        Assert.Equal(model.ParameterCount, decay.Sum(p => p.numel()) + noDecay.Sum(p => p.numel()));
    }

    [Fact]
    public void InitialisationIsReproducibleForASeed()
    {
        float FirstWeight()
        {
            using var model = new HyenaDnaModel(HyenaDnaConfig.Tiny1K);
            model.InitializeWeights(seed: 11);
            var state = model.state_dict();
            Assert.Equal(10f, state["backbone.layers.1.mixer.filter_fn.implicit_filter.5.freq"].mean().item<float>());
            Assert.Equal(1f, state["backbone.ln_f.weight"].mean().item<float>());
            return state["backbone.layers.0.mixer.in_proj.weight"][0, 0].item<float>();
        }
        Assert.Equal(FirstWeight(), FirstWeight());
    }

    [Fact]
    public void ModelInfoTableListsTheThesisParameterCounts()
    {
        var table = ModelInfo.Table();
        Assert.Contains("tiny-1k", table);
        Assert.Contains("436,096", table);   // thesis Table 2.2: ≈436K for 1K
        Assert.Contains("3,277,568", table); // ≈3.3M for 32K
        Assert.Equal(HyenaDnaConfig.Named.Count + 1, table.TrimEnd().Split('\n').Length);
        Assert.Equal(5, ModelInfo.Rows().Count);
    }
}
