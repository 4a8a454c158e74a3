namespace Claims.Bench.Harness;

/// <summary>One line of the results table: a measured figure, the baseline it is compared with (same run, same database), and the ratio.</summary>
public sealed record BenchRow(string Benchmark, string Case, double Value, string Unit, double? Baseline, string? BaselineName, string? Target = null)
{
    public double? Ratio => Baseline is > 0 ? Value / Baseline : null;
}

public static class BenchStats
{
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0) return double.NaN;
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
